package dev.loyalty.checkout;

import jakarta.validation.constraints.Min;

/** How much of a checkout's cash to refund; {@code null} refunds all that is left. */
public record CheckoutRefundRequest(@Min(1) Long amountCents) {
}
