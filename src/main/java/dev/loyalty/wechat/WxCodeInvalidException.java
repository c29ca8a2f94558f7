package dev.loyalty.wechat;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** WeChat refused a {@code wx.login} or phone code: wrong, expired or already used. */
public class WxCodeInvalidException extends LoyaltyException {

    WxCodeInvalidException(int errcode) {
        this("WeChat rejected the code (errcode " + errcode + "); get a fresh one with wx.login and try again");
    }

    private WxCodeInvalidException(String detail) {
        super(HttpStatus.BAD_REQUEST, "WX_CODE_INVALID", detail);
    }

    /** A code WeChat could not have issued, refused without asking WeChat. */
    static WxCodeInvalidException malformed() {
        return new WxCodeInvalidException("The code is not one WeChat issues (1 to 128 letters, digits, '_' or '-')");
    }
}
