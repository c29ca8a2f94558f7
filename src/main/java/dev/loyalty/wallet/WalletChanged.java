package dev.loyalty.wallet;

/** Published inside the transaction of every wallet ledger row. */
public record WalletChanged(long memberId, long entryId, long deltaCents, long balanceCents, WalletEntryType type) {
}
