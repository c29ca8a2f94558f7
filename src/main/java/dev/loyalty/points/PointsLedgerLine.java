package dev.loyalty.points;

import java.time.Instant;

public record PointsLedgerLine(long id, long delta, long balanceAfter, PointsEntryType type, PointsSource source,
        String remark, Instant createdAt) {
}
