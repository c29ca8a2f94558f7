package dev.loyalty.wallet;

/**
 * A member's stored value: what they paid in (principal, refundable) and what the brand added (bonus); {@code closed}:
 * cashed out, nothing goes in until an operator reopens it.
 */
public record WalletView(long balanceCents, long principalCents, long bonusCents, boolean closed) {
}
