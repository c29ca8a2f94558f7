package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** Staff may not serve their own member account at the counter: another member of staff must. */
public class StaffSelfServiceException extends LoyaltyException {

    public StaffSelfServiceException(long memberId) {
        super(HttpStatus.FORBIDDEN, "STAFF_SELF_SERVICE",
                "Member " + memberId + " is the staff member acting; another member of staff must serve them");
    }
}
