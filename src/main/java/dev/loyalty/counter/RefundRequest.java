package dev.loyalty.counter;

import jakarta.validation.constraints.Min;

/** How much of a purchase to refund; {@code null} refunds all that is left. */
public record RefundRequest(@Min(1) Long amountCents) {
}
