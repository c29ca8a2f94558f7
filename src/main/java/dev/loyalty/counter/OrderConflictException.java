package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The order number was already used in this store for another member or amount. */
public class OrderConflictException extends LoyaltyException {

    public OrderConflictException(String orderNo) {
        super(HttpStatus.CONFLICT, "ORDER_CONFLICT",
                "Order " + orderNo + " was already recorded in this store with another member or amount");
    }
}
