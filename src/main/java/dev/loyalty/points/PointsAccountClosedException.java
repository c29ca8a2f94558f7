package dev.loyalty.points;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The member was deleted: their points account is closed and no movement touches it again. */
public class PointsAccountClosedException extends LoyaltyException {

    public PointsAccountClosedException(long memberId) {
        super(HttpStatus.NOT_FOUND, "NOT_FOUND", "Member " + memberId + " was deleted");
    }
}
