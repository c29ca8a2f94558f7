package dev.loyalty.wallet;

import java.util.List;

/**
 * A cash-out, or its preview: the principal that leaves, refunded to the member's WeChat Pay top-ups (newest first,
 * each up to what is still refundable on it, top-ups paid within a year only) and the rest ({@code cashCents}) paid
 * in cash at a store's counter; the bonus forfeited; {@code closed}: the wallet is closed.
 */
public record CashOutView(long principalCents, long bonusForfeitedCents, List<Refund> refunds, long cashCents, boolean closed) {

    /** {@code status}: PLANNED in a preview; then PENDING, PROCESSING, SUCCESS, FAILED (retried) or ABNORMAL. */
    public record Refund(String orderNo, String refundNo, long amountCents, String status) {
    }
}
