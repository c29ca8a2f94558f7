package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** One counter order above {@code loyalty.counter.max-order-cents}. */
public class AmountOverLimitException extends LoyaltyException {

    AmountOverLimitException(long amountCents, long maxCents) {
        super(HttpStatus.BAD_REQUEST, "AMOUNT_OVER_LIMIT",
                "One order at the counter may be at most " + maxCents + " cents; this one is " + amountCents);
    }
}
