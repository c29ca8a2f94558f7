package dev.loyalty.wallet;

/**
 * What moved a wallet; {@code BONUS_EXPIRED} removes the unused part of an expiring bonus credit; at a cash-out
 * {@code CASH_OUT} takes the principal out (refunded to WeChat Pay and paid in cash) and {@code BONUS_FORFEITED}
 * the bonus.
 */
public enum WalletEntryType {
    TOP_UP, PAY, REFUND, REBATE, ADJUST, BONUS_EXPIRED, CASH_OUT, BONUS_FORFEITED
}
