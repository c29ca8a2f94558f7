package dev.loyalty.open;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** A signed request whose nonce this key already used within the last 10 minutes. */
public class ReplayedException extends LoyaltyException {

    ReplayedException(String keyId) {
        super(HttpStatus.UNAUTHORIZED, "REPLAYED", "Key " + keyId + " already sent this nonce: use a new one for every request");
    }
}
