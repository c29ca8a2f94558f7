package dev.loyalty.common.error;

import org.springframework.http.HttpStatus;

/** A request body over the size its endpoint accepts. */
public class PayloadTooLargeException extends LoyaltyException {

    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxBytes + " bytes");
    }
}
