package dev.loyalty.points.internal;

import dev.loyalty.points.PointsEntryType;
import dev.loyalty.points.PointsSource;

/**
 * What one ledger row says about a credit or a debit: how many points (positive; the book signs them),
 * why, under which idempotency key, and what it refers to or reverses.
 */
public record PointsPosting(long amount, PointsEntryType type, PointsSource source, String key, String reference,
        Long reversesId, String remark) {
}
