package dev.loyalty.signin;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class MakeupNotAllowedException extends LoyaltyException {

    MakeupNotAllowedException(String why) {
        super(HttpStatus.CONFLICT, "MAKEUP_NOT_ALLOWED", why);
    }
}
