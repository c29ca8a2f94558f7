package dev.loyalty.open;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** A request to the open API that is not signed, or not signed right, or with a key that is unknown or revoked. */
public class SignatureInvalidException extends LoyaltyException {

    SignatureInvalidException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "SIGNATURE_INVALID", detail);
    }
}
