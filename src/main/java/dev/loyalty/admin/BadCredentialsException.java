package dev.loyalty.admin;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class BadCredentialsException extends LoyaltyException {

    BadCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Wrong username or password");
    }
}
