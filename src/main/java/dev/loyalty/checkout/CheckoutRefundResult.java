package dev.loyalty.checkout;

/**
 * One refund of a checkout: the cash refunded now and in all, the points paid with that went back, the
 * earned points taken back, and the coupon: {@code couponReturned} when a whole refund made it UNUSED again,
 * {@code couponKept} when a whole refund found it past its validity and left it USED.
 */
public record CheckoutRefundResult(String orderNo, long refundedCents, long totalRefundedCents, long pointsReturned,
        long pointsReversed, boolean couponReturned, boolean couponKept, long pointsBalance) {
}
