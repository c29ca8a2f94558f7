package dev.loyalty.rebate;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** A rebate already credited cannot be rejected, nor a rejected one approved. */
public class RebateNotPendingException extends LoyaltyException {

    RebateNotPendingException(long rebateId, String status) {
        super(HttpStatus.CONFLICT, "REBATE_NOT_PENDING", "Rebate " + rebateId + " is " + status + ", no longer pending");
    }
}
