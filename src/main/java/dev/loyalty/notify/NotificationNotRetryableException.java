package dev.loyalty.notify;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** Only a FAILED or SKIPPED notification can be sent again. */
public class NotificationNotRetryableException extends LoyaltyException {

    public NotificationNotRetryableException(long id, String status) {
        super(HttpStatus.CONFLICT, "NOTIFICATION_NOT_RETRYABLE",
                "Notification " + id + " is " + status + "; only FAILED or SKIPPED ones can be retried");
    }
}
