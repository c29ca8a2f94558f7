package dev.loyalty.points;

/** Published inside the transaction of every ledger row; listeners react after commit. */
public record PointsChanged(long memberId, long entryId, long delta, long balance, PointsEntryType type,
        PointsSource source) {
}
