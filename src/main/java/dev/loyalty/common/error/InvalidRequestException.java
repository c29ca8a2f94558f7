package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

/** Input that passed bean validation but breaks a rule only the service can check. */
public class InvalidRequestException extends LoyaltyException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
