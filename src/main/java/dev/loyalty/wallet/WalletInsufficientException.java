package dev.loyalty.wallet;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class WalletInsufficientException extends LoyaltyException {

    WalletInsufficientException(long memberId, long wanted, long balance) {
        super(HttpStatus.CONFLICT, "WALLET_INSUFFICIENT",
                "Member " + memberId + " has " + balance + " cents stored, " + wanted + " are needed");
    }
}
