package dev.loyalty.counter;

import java.time.Instant;

/** A counter purchase as a store's list shows it, with what was refunded of it. */
public record PurchaseLine(long id, long storeId, String orderNo, long memberId, long amountCents, long refundedCents,
        long pointsAwarded, long pointsReversed, long staffMemberId, Instant at) {
}
