package dev.loyalty.wallet;

/** A member's stored value: what they paid in (principal, refundable) and what the brand added (bonus). */
public record WalletView(long balanceCents, long principalCents, long bonusCents) {
}
