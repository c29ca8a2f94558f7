package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** A purchase paid from the wallet or through a checkout is refunded where it was paid, so nothing is left behind. */
public class RefundElsewhereException extends LoyaltyException {

    public RefundElsewhereException(String orderNo, PurchasePaidBy paidBy) {
        super(HttpStatus.CONFLICT, "REFUND_ELSEWHERE", "Order " + orderNo + " was paid "
                + (paidBy == PurchasePaidBy.WALLET ? "from the wallet: refund the wallet payment"
                        : "through a checkout: refund the checkout")
                + ", which also gives back what paid for it");
    }
}
