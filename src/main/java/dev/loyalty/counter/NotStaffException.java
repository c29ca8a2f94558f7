package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class NotStaffException extends LoyaltyException {

    NotStaffException(long memberId) {
        super(HttpStatus.FORBIDDEN, "NOT_STAFF", "Member " + memberId + " is not bound to a store as staff");
    }
}
