package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The member code already paid for another order: the member shows a fresh one. */
public class MemberCodeUsedException extends LoyaltyException {

    MemberCodeUsedException() {
        super(HttpStatus.CONFLICT, "MEMBER_CODE_USED",
                "This member code was already used for another order; ask the member to show a fresh one");
    }
}
