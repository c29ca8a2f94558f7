package dev.loyalty.points;

/**
 * The points rule: how many points a yuan earns at the counter, how many days after earning points expire,
 * how many points pay a yuan at a checkout ({@code pointsPerYuanRedeem}), and the most of an order, after its
 * coupon, that points may pay ({@code maxPointsPercent}; 0 switches points payment off).
 */
public record PointsRuleView(long pointsPerYuan, int expiryDays, long pointsPerYuanRedeem, int maxPointsPercent) {
}
