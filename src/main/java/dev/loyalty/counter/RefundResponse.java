package dev.loyalty.counter;

/** What a refund took back. */
public record RefundResponse(String orderNo, long pointsReversed, long pointsBalance) {

    public static RefundResponse of(PurchaseResult result) {
        return new RefundResponse(result.orderNo(), result.points(), result.pointsBalance());
    }
}
