package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

/** An idempotency key was replayed with a different payload: a conflict, never a silent success. */
public class IdempotencyConflictException extends LoyaltyException {

    public IdempotencyConflictException(String key) {
        super(HttpStatus.CONFLICT, "IDEMPOTENCY_CONFLICT",
                "Idempotency key '" + key + "' was already used for a different request");
    }
}
