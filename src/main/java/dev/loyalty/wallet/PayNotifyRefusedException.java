package dev.loyalty.wallet;

/** A WeChat Pay notify that verified but does not fit: an unknown order or refund, another merchant, another amount, not paid. */
public class PayNotifyRefusedException extends RuntimeException {

    PayNotifyRefusedException(String message) {
        super(message);
    }
}
