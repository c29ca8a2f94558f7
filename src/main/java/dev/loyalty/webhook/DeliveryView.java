package dev.loyalty.webhook;

import java.time.Instant;

/** One event's delivery to one webhook: its attempts so far and how the last one went. */
public record DeliveryView(long id, String eventId, String type, DeliveryStatus status, int attempts,
        Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
}
