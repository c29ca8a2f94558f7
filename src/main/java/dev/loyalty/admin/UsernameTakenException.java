package dev.loyalty.admin;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

public class UsernameTakenException extends LoyaltyException {

    public UsernameTakenException(String username) {
        super(HttpStatus.CONFLICT, "USERNAME_TAKEN", "An operator named '" + username + "' already exists");
    }
}
