package dev.loyalty.wallet;

/** The wallet ledger row written under an idempotency key: whose wallet it moved, principal and bonus apart. */
public record KeyedWalletEntry(String key, long memberId, long principalCents, long bonusCents) {
}
