package dev.loyalty.wallet;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The wallet was cashed out and closed: nothing goes in until an operator reopens it. */
public class WalletClosedException extends LoyaltyException {

    WalletClosedException(long memberId) {
        super(HttpStatus.CONFLICT, "WALLET_CLOSED", "Member " + memberId + "'s wallet is closed (cashed out); an operator may reopen it");
    }
}
