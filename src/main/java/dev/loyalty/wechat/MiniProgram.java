package dev.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import java.util.Set;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Mini Program calls members wait on. WeChat's errors become {@link WxCodeInvalidException}
 * or {@link WxUnavailableException}; the session key never leaves this class.
 */
@Service
public class MiniProgram {

    private static final Logger log = LoggerFactory.getLogger(MiniProgram.class);

    /** What wx.login and getPhoneNumber codes look like; WxJava puts a code into the URL as it is. */
    public static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,128}";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    /** invalid code, code already used, code of another app, code too old. */
    private static final Set<Integer> BAD_CODE = Set.of(40029, 40163, 40125, 41008, 40226);

    private final WxMaService wxMaService;

    MiniProgram(WxMaService wxMaService) {
        this.wxMaService = wxMaService;
    }

    public WeChatIdentity identify(String loginCode) {
        requireWellFormed(loginCode);
        WxMaJscode2SessionResult session = call("jscode2session", () -> wxMaService.getUserService().getSessionInfo(loginCode));
        if (session.getOpenid() == null || session.getOpenid().isBlank()) {
            throw new WxUnavailableException("no openid in the answer", null);
        }
        return new WeChatIdentity(session.getOpenid(), blankToNull(session.getUnionid()));
    }

    /** The member's phone number from a {@code getPhoneNumber} button code. */
    public String phoneNumber(String phoneCode) {
        requireWellFormed(phoneCode);
        WxMaPhoneNumberInfo info = call("getuserphonenumber", () -> wxMaService.getUserService().getPhoneNumber(phoneCode));
        String phone = info.getPurePhoneNumber() != null ? info.getPurePhoneNumber() : info.getPhoneNumber();
        if (phone == null || phone.isBlank()) {
            throw new WxUnavailableException("no phone number in the answer", null);
        }
        return phone;
    }

    private static void requireWellFormed(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw WxCodeInvalidException.malformed();
        }
    }

    private static <T> T call(String api, WxCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (BAD_CODE.contains(errcode)) {
                log.info("WeChat {} refused a code: errcode {}", api, errcode);
                throw new WxCodeInvalidException(errcode);
            }
            log.warn("WeChat {} failed: errcode {} {}", api, errcode, e.getError() == null ? "" : e.getError().getErrorMsg());
            throw new WxUnavailableException("errcode " + errcode, e);
        } catch (WxRuntimeException e) {
            log.warn("WeChat {} unreachable: {}", api, e.getCause() == null ? e.getMessage() : e.getCause().toString());
            throw new WxUnavailableException("network error", e);
        } catch (RuntimeException e) {
            // only the type: the message may hold the request URL, with the app secret in it
            log.warn("WeChat {} failed in the client: {}", api, e.getClass().getName());
            throw new WxUnavailableException("client error", null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @FunctionalInterface
    private interface WxCall<T> {
        T run() throws WxErrorException;
    }

    /** Who WeChat says the member is: openid in this Mini Program, unionid across the brand's apps. */
    public record WeChatIdentity(String openid, String unionid) {
    }
}
