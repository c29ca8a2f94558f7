package dev.loyalty.counter;

/** A purchase's points: what it awarded (or a refund reversed), and the member's balance after. */
public record PurchaseResult(String orderNo, long points, long pointsBalance) {
}
