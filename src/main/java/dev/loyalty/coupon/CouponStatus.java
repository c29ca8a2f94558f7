package dev.loyalty.coupon;

public enum CouponStatus {
    UNUSED, USED, EXPIRED, REVOKED
}
