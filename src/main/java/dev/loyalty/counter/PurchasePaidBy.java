package dev.loyalty.counter;

/** How a counter purchase was paid, and so which endpoint refunds it. */
public enum PurchasePaidBy {
    /** Paid at the till outside this system: refunded through the purchase refund. */
    COUNTER,
    /** Paid from the member's wallet: refunded through the wallet payment refund, which gives the money back. */
    WALLET,
    /** Paid in part with a coupon or points: refunded through the checkout refund, which gives those back. */
    CHECKOUT
}
