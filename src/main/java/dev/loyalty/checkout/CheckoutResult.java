package dev.loyalty.checkout;

/**
 * A checkout's bill: {@code payableCents} = amount − coupon − points discount is what the member pays in cash
 * and what earns points; {@code pointsUsed} may be less than asked (clamped to the balance and the rule's cap).
 */
public record CheckoutResult(String orderNo, long amountCents, long payableCents, long couponDiscountCents,
        long pointsUsed, long pointsDiscountCents, long pointsEarned, long pointsBalance) {
}
