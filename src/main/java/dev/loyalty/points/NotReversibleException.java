package dev.loyalty.points;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The entry cannot be reversed (again), or not by that much. */
public class NotReversibleException extends LoyaltyException {

    NotReversibleException(long entryId, String why) {
        super(HttpStatus.CONFLICT, "NOT_REVERSIBLE", "Points entry " + entryId + " cannot be reversed: " + why);
    }
}
