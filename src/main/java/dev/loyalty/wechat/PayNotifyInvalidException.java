package dev.loyalty.wechat;

/** A WeChat Pay notify whose signature does not verify or whose resource does not decrypt: not from WeChat Pay. */
public class PayNotifyInvalidException extends RuntimeException {

    PayNotifyInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
