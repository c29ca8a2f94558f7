package dev.loyalty.wechat;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** WeChat refused a {@code wx.login} or phone code: wrong, expired or already used. */
public class WxCodeInvalidException extends LoyaltyException {

    WxCodeInvalidException(int errcode) {
        super(HttpStatus.BAD_REQUEST, "WX_CODE_INVALID",
                "WeChat rejected the code (errcode " + errcode + "); get a fresh one with wx.login and try again");
    }
}
