package dev.loyalty.coupon;

/**
 * What a coupon takes off one order: CASH its {@code discountCents} (never more than the order), DISCOUNT
 * {@code discountPercent} percent off the order (floor), at most {@code maxDiscountCents} when that is set.
 */
public record CouponDiscount(long couponId, String code, CouponType type, long discountCents) {
}
