package dev.loyalty.wallet;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** A member with stored value left cannot delete their account: the money is cashed out first. */
public class WalletNotEmptyException extends LoyaltyException {

    WalletNotEmptyException(long memberId, long balance) {
        super(HttpStatus.CONFLICT, "WALLET_NOT_EMPTY",
                "Member " + memberId + " has " + balance + " cents stored; cash them out before deleting the account");
    }
}
