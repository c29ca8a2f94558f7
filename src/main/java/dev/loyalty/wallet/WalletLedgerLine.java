package dev.loyalty.wallet;

import java.time.Instant;

public record WalletLedgerLine(long id, long deltaCents, long principalDeltaCents, long bonusDeltaCents,
        long balanceAfterCents, WalletEntryType type, String orderNo, Long storeId, Instant createdAt) {
}
