package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

/**
 * A broken business rule. Each rule has its own subclass named for the condition;
 * {@code code} is the stable problem code from the API contract.
 */
public abstract class LoyaltyException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected LoyaltyException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    protected LoyaltyException(HttpStatus status, String code, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
