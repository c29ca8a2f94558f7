package dev.loyalty.webhook;

/** PENDING until the receiver answers 2xx (DELIVERED) or the attempts run out (FAILED). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
