package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

public class NotFoundException extends LoyaltyException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist");
    }
}
