package dev.loyalty.notify;

import java.time.Instant;

public record NotificationView(long id, long memberId, String kind, String status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {
}
