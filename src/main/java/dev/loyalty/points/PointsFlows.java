package dev.loyalty.points;

/** What the ledger did over a window: points issued, redeemed and expired (net of reversals). */
public record PointsFlows(long issued, long redeemed, long expired) {
}
