package dev.loyalty.wechat;

import cn.hutool.crypto.SecureUtil;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the WeChat endpoints the app uses, so everything works offline.
 * {@code jscode2session} maps code {@code X} to openid {@code sandbox-X} (and unionid {@code sandbox-union-X});
 * a code starting with {@code invalid} gets errcode 40029, as WeChat answers a bad code.
 */
@RestController
@RequestMapping(WxSandboxController.PATH)
@ConditionalOnBooleanProperty("wx.sandbox.enabled")
class WxSandboxController {

    static final String PATH = "/wx-sandbox";
    private static final Logger log = LoggerFactory.getLogger(WxSandboxController.class);

    private final AtomicLong messageIds = new AtomicLong(1000);

    @GetMapping("/cgi-bin/token")
    Map<String, Object> accessToken() {
        return Map.of("access_token", "sandbox-token-" + UUID.randomUUID(), "expires_in", 7200);
    }

    @PostMapping("/cgi-bin/stable_token")
    Map<String, Object> stableAccessToken() {
        return accessToken();
    }

    @GetMapping("/sns/jscode2session")
    Map<String, Object> jscode2session(@RequestParam("js_code") String code) {
        if (code.startsWith("invalid")) {
            return Map.of("errcode", 40029, "errmsg", "invalid code (sandbox)");
        }
        return Map.of("openid", "sandbox-" + code, "unionid", "sandbox-union-" + code,
                "session_key", UUID.randomUUID().toString());
    }

    @PostMapping("/wxa/business/getuserphonenumber")
    Map<String, Object> phoneNumber(@RequestBody Map<String, String> body) {
        String code = body.getOrDefault("code", "");
        if (code.isBlank() || code.startsWith("invalid")) {
            return Map.of("errcode", 40029, "errmsg", "invalid code (sandbox)");
        }
        String digits = SecureUtil.md5(code).chars().map(c -> c % 10).limit(8)
                .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append).toString();
        String phone = "138" + digits;
        return Map.of("errcode", 0, "errmsg", "ok", "phone_info",
                Map.of("phoneNumber", phone, "purePhoneNumber", phone, "countryCode", "86"));
    }

    @GetMapping("/cgi-bin/user/info")
    Map<String, Object> userInfo(@RequestParam String openid) {
        String union = openid.startsWith("sandbox-mp-") ? "sandbox-union-" + openid.substring("sandbox-mp-".length()) : null;
        return union == null
                ? Map.of("subscribe", 1, "openid", openid)
                : Map.of("subscribe", 1, "openid", openid, "unionid", union);
    }

    /** A temporary QR code; its ticket names the scene, so a test or a demo can follow "through" it by hand. */
    @PostMapping("/cgi-bin/qrcode/create")
    Map<String, Object> qrCode(@RequestBody Map<String, Object> body) {
        Object scene = body.get("action_info") instanceof Map<?, ?> info && info.get("scene") instanceof Map<?, ?> s
                ? (s.get("scene_str") != null ? s.get("scene_str") : s.get("scene_id")) : null;
        String ticket = "sandbox-ticket-" + scene;
        return Map.of("ticket", ticket, "expire_seconds", body.getOrDefault("expire_seconds", 600),
                "url", "http://weixin.qq.com/q/" + ticket);
    }

    @PostMapping("/cgi-bin/message/template/send")
    Map<String, Object> templateMessage(@RequestBody String body) {
        log.info("Sandbox template message: {}", body);
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", messageIds.incrementAndGet());
    }

    @PostMapping("/cgi-bin/message/subscribe/send")
    Map<String, Object> subscribeMessage(@RequestBody String body) {
        log.info("Sandbox subscribe message: {}", body);
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    /** The follower list: the sandbox account has no followers. */
    @GetMapping("/cgi-bin/user/get")
    Map<String, Object> followers(@RequestParam(name = "next_openid", required = false) String nextOpenid) {
        return Map.of("total", 0, "count", 0, "data", Map.of("openid", List.of()), "next_openid", "");
    }

    /** Followers' details, each subscribed; unionids as {@code user/info} gives them. */
    @PostMapping("/cgi-bin/user/info/batchget")
    Map<String, Object> followersInfo(@RequestBody Map<String, List<Map<String, String>>> body) {
        List<Map<String, Object>> users = body.getOrDefault("user_list", List.of()).stream()
                .map(user -> userInfo(user.getOrDefault("openid", "")))
                .toList();
        return Map.of("user_info_list", users);
    }

    @PostMapping("/cgi-bin/menu/create")
    Map<String, Object> menuCreate(@RequestBody String body) {
        log.info("Sandbox menu: {}", body);
        return Map.of("errcode", 0, "errmsg", "ok");
    }
}
