package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

public class RateLimitedException extends LoyaltyException {

    public RateLimitedException(String limiter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests (" + limiter + "), slow down and try again shortly");
    }
}
