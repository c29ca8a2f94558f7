package dev.loyalty.counter;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class MemberCodeInvalidException extends LoyaltyException {

    MemberCodeInvalidException() {
        super(HttpStatus.BAD_REQUEST, "MEMBER_CODE_INVALID",
                "The member code is expired or not valid; ask the member to refresh it");
    }
}
