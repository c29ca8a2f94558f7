package dev.loyalty.wallet;

public enum WalletEntryType {
    TOP_UP, PAY, REFUND, REBATE, ADJUST
}
