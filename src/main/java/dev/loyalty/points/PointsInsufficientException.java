package dev.loyalty.points;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class PointsInsufficientException extends LoyaltyException {

    public PointsInsufficientException(long memberId, long wanted, long balance) {
        super(HttpStatus.CONFLICT, "POINTS_INSUFFICIENT",
                "Member " + memberId + " has " + Math.max(balance, 0) + " points, " + wanted + " are needed");
    }
}
