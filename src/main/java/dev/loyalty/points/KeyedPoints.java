package dev.loyalty.points;

/** The points ledger row written under an idempotency key: whose points it moved, and by how much. */
public record KeyedPoints(String key, long memberId, long delta) {
}
