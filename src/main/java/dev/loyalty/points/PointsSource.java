package dev.loyalty.points;

/** Why points moved: the business event behind a ledger row; GRANT is an operator's grant to many members;
 * CHECKOUT pays part of an order at the counter; DELETION writes off a deleted member's balance. */
public enum PointsSource {
    SIGN_IN, MAKEUP_SIGN_IN, BIRTHDAY, PURCHASE, REDEEM, REBATE, ADMIN, EXPIRY, GRANT, CHECKOUT, DELETION
}
