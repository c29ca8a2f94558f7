package dev.loyalty.points;

/** How many points a yuan earns at the counter, and how many days after earning points expire. */
public record PointsRuleView(long pointsPerYuan, int expiryDays) {
}
