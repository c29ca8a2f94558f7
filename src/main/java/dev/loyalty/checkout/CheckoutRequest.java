package dev.loyalty.checkout;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One order to check out: the member's scanned code, the till's order number, the order's amount, and
 * optionally a coupon of the member's (code or QR payload) and the points they would like to pay with
 * ({@code null} or 0: none). The body of the staff's and the tills' checkouts alike.
 */
public record CheckoutRequest(@NotBlank @Size(max = 64) String memberCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only") String orderNo,
        @Min(1) long amountCents, @Size(max = 128) String couponCode, @Min(0) Long pointsToUse) {

    /** The points asked for, 0 when none. */
    public long pointsAsked() {
        return pointsToUse == null ? 0 : pointsToUse;
    }

    /** The coupon code as given, or null when none (blank counts as none). */
    public String couponOrNull() {
        return couponCode == null || couponCode.isBlank() ? null : couponCode.strip();
    }
}
