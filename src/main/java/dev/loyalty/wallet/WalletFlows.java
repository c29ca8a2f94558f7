package dev.loyalty.wallet;

/**
 * What the wallets saw over a window: cash taken in by top-ups and the bonus those granted, what members
 * paid from their wallets and what was refunded to them.
 */
public record WalletFlows(long topUpCents, long topUpBonusCents, long paidCents, long refundedCents) {
}
