package dev.loyalty.coupon;

/** Published inside the transaction that issues, uses or revokes a coupon. */
public record CouponChanged(long memberId, long couponId, String name, CouponStatus status, String change) {
}
