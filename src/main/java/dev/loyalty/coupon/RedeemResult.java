package dev.loyalty.coupon;

/** A redemption: the coupon, the points left, and whether this call replayed an earlier one with the same key. */
public record RedeemResult(CouponView coupon, long pointsBalance, boolean replayed) {
}
