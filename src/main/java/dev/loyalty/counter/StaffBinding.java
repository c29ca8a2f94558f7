package dev.loyalty.counter;

/** A member who works at a store's counter. */
public record StaffBinding(long memberId, long storeId) {
}
