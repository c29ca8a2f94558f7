package dev.loyalty.counter;

/** What a recorded purchase earned. */
public record PurchaseResponse(String orderNo, long pointsAwarded, long pointsBalance) {

    public static PurchaseResponse of(PurchaseResult result) {
        return new PurchaseResponse(result.orderNo(), result.points(), result.pointsBalance());
    }
}
