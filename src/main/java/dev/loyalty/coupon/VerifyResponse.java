package dev.loyalty.coupon;

/** The coupon as it is after its use. */
public record VerifyResponse(CouponView coupon) {
}
