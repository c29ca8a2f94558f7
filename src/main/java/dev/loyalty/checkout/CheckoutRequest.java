package dev.loyalty.checkout;

/**
 * One order to check out: the member's scanned code, the till's order number, the order's amount, and
 * optionally a coupon of the member's (code or QR payload) and the points they would like to pay with
 * ({@code null} or 0: none).
 */
public record CheckoutRequest(String memberCode, String orderNo, long amountCents, String couponCode, Long pointsToUse) {

    /** The points asked for, 0 when none. */
    public long pointsAsked() {
        return pointsToUse == null ? 0 : pointsToUse;
    }

    /** The coupon code as given, or null when none (blank counts as none). */
    public String couponOrNull() {
        return couponCode == null || couponCode.isBlank() ? null : couponCode.strip();
    }
}
