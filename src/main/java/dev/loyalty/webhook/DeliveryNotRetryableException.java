package dev.loyalty.webhook;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** Only a FAILED delivery can be queued again; a PENDING one is still being tried, a DELIVERED one arrived. */
public class DeliveryNotRetryableException extends LoyaltyException {

    public DeliveryNotRetryableException(long id, DeliveryStatus status) {
        super(HttpStatus.CONFLICT, "WEBHOOK_DELIVERY_NOT_RETRYABLE",
                "Delivery " + id + " is " + status + "; only FAILED ones can be retried");
    }
}
