package dev.loyalty.wechat;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** WeChat did not answer in time, was unreachable, or said it was busy. */
public class WxUnavailableException extends LoyaltyException {

    public WxUnavailableException(String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "WX_UNAVAILABLE",
                "WeChat is not answering right now (" + why + "); please try again in a moment", cause);
    }
}
