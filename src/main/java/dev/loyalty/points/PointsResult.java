package dev.loyalty.points;

import java.time.Instant;

/** One ledger row and the balance after it; {@code replayed} when an idempotent repeat answered the first result. */
public record PointsResult(long entryId, long memberId, long delta, long balanceAfter, PointsEntryType type,
        PointsSource source, String idempotencyKey, Instant createdAt, boolean replayed) {
}
