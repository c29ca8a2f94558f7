package dev.loyalty.wallet;

import java.time.Instant;

/** A wallet movement made at a store's counter (top-up, payment, refund), as the store's list shows it. */
public record StoreWalletLine(long id, long memberId, WalletEntryType type, long deltaCents, long principalDeltaCents,
        long bonusDeltaCents, String orderNo, long storeId, Long staffMemberId, Instant at) {
}
