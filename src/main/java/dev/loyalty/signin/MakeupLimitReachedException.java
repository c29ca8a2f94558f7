package dev.loyalty.signin;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class MakeupLimitReachedException extends LoyaltyException {

    MakeupLimitReachedException(int limit) {
        super(HttpStatus.CONFLICT, "MAKEUP_LIMIT_REACHED", "Makeup sign-in is limited to " + limit + " a month");
    }
}
