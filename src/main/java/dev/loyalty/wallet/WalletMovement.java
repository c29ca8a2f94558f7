package dev.loyalty.wallet;

/** One change of a wallet: the principal and bonus it moved, and the balance after it. */
public record WalletMovement(String orderNo, long principalCents, long bonusCents, long balanceCents, boolean replayed) {
}
