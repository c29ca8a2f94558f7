package dev.loyalty.points;

import java.time.Instant;

/** One lot of earned points: how many it held, how many are left, when they were earned and expire. */
public record PointsLotLine(long id, long entryId, long amount, long remaining, Instant earnedAt, Instant expiresAt) {
}
