package dev.loyalty.wallet;

/** What moved a wallet; {@code BONUS_EXPIRED} removes the unused part of an expiring bonus credit. */
public enum WalletEntryType {
    TOP_UP, PAY, REFUND, REBATE, ADJUST, BONUS_EXPIRED
}
