package dev.loyalty.admin;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The change would leave no enabled owner, and so nobody who can manage operators. */
public class LastOwnerException extends LoyaltyException {

    public LastOwnerException(long operatorId) {
        super(HttpStatus.CONFLICT, "LAST_OWNER",
                "Operator " + operatorId + " is the last enabled owner; make another owner first");
    }
}
