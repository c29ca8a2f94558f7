package dev.loyalty.coupon;

/** CASH takes discountCents off a spend of at least thresholdCents; DISCOUNT takes a percentage; GIFT is an item. */
public enum CouponType {
    CASH, DISCOUNT, GIFT
}
