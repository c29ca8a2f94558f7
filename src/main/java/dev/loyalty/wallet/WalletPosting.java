package dev.loyalty.wallet;

import dev.loyalty.counter.StaffBinding;

/**
 * One movement of stored value as the ledger records it: signed principal and bonus deltas, the
 * idempotency key, and where it came from (the order and counter, the plan, the entry it reverses).
 * {@code at} is null for money the brand credits on its own (rebates).
 */
record WalletPosting(WalletEntryType type, long principalCents, long bonusCents, String key, String orderNo,
        StaffBinding at, Long planId, Long reversesId) {

    static WalletPosting atCounter(WalletEntryType type, long principalCents, long bonusCents, String key,
            String orderNo, StaffBinding at) {
        return new WalletPosting(type, principalCents, bonusCents, key, orderNo, at, null, null);
    }

    static WalletPosting bonus(WalletEntryType type, long bonusCents, String key) {
        return new WalletPosting(type, 0, bonusCents, key, null, null, null, null);
    }

    long deltaCents() {
        return principalCents + bonusCents;
    }
}
