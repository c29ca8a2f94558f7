package dev.loyalty.notify.web;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.error.PayloadTooLargeException;
import dev.loyalty.common.error.Problems;
import dev.loyalty.notify.NotificationService;
import dev.loyalty.notify.internal.PortalReplayGuard;
import dev.loyalty.notify.internal.SafeModeEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The official account's server push endpoint, in plain-text, compatible and safe mode. Every call must
 * carry the signature WeChat computes from {@code wx.mp.token}, a timestamp within five minutes of our clock
 * and, for a push, a nonce not seen in the last ten minutes; the body is read only once all of that holds,
 * and never past {@code wx.mp.portal.max-bytes}. A push with {@code encrypt_type=aes} must also carry the
 * {@code msg_signature} of its Encrypt element, which is then decrypted with {@code wx.mp.aes-key} (and
 * must name our appid). Subscribe and unsubscribe events keep the follower table; a follow or scan through
 * a member's bind QR code links the follower to that member; 积分, 余额 or 会员 (or the menu's button) get a
 * passive reply with the balances, sealed again in safe mode.
 */
@Tag(name = "WeChat")
@RestController
class OfficialAccountPortal {

    private static final Logger log = LoggerFactory.getLogger(OfficialAccountPortal.class);
    private static final long TIMESTAMP_WINDOW_SECONDS = Duration.ofMinutes(5).toSeconds();
    /** WeChat never sends a DTD; one in a push is an attempt at XXE or an entity bomb. */
    private static final Pattern DTD = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    /** What a follower sends to ask for their balances; the menu's button sends {@link #BALANCE_BUTTON}. */
    private static final Set<String> BALANCE_KEYWORDS = Set.of("积分", "余额", "会员");
    static final String BALANCE_BUTTON = "BALANCE";
    /** A follow through a temporary QR code carries the code's scene after this prefix. */
    private static final String SCENE_PREFIX = "qrscene_";

    private final WxMpService officialAccount;
    private final NotificationService notifications;
    private final PortalReplayGuard replays;
    private final Clock clock;
    private final int maxBytes;

    OfficialAccountPortal(WxMpService officialAccount, NotificationService notifications, PortalReplayGuard replays,
            Clock clock, @Value("${wx.mp.portal.max-bytes:64KB}") DataSize maxBytes) {
        this.officialAccount = officialAccount;
        this.notifications = notifications;
        this.replays = replays;
        this.clock = clock;
        this.maxBytes = Math.toIntExact(maxBytes.toBytes());
    }

    @Operation(summary = "WeChat's server check: answers echostr when the signature is right", parameters = {
            @Parameter(name = "signature", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "timestamp", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "nonce", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "echostr", in = ParameterIn.QUERY, schema = @Schema(type = "string"))})
    @GetMapping("/wx/mp/portal")
    ResponseEntity<String> verify(HttpServletRequest request) {
        Signed signed = Signed.from(request);
        requireSignedNow(signed);
        // WeChat may repeat its check with the same nonce, so only a push is held to the replay rule
        return text(signed.echostr());
    }

    @Operation(summary = "WeChat pushes follower events here (plain-text, compatible or safe mode)", parameters = {
            @Parameter(name = "signature", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "timestamp", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "nonce", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "encrypt_type", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"raw", "aes"})),
            @Parameter(name = "msg_signature", in = ParameterIn.QUERY, schema = @Schema(type = "string"))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = "text/xml", schema = @Schema(type = "string"))))
    @PostMapping("/wx/mp/portal")
    ResponseEntity<String> event(HttpServletRequest request) throws IOException {
        Signed signed = Signed.from(request);
        requireSignedNow(signed);
        if (request.getContentLengthLong() > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        if (!replays.firstUse(signed.nonce())) {
            throw PushRefusedException.forbidden("This nonce was used in the last 10 minutes: the push is a replay");
        }
        String body = readBody(request);
        WxMpXmlMessage message = parse(signed.encrypted() ? decrypt(signed, body) : body);
        String reply = handle(message);
        if (reply == null) {
            return text("success");
        }
        String xml = WxMpXmlOutMessage.TEXT().content(reply).fromUser(message.getToUser()).toUser(message.getFromUser())
                .build().toXml();
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML)
                .body(signed.encrypted() ? envelope().seal(xml, signed.timestamp(), signed.nonce()) : xml);
    }

    /**
     * What a push means here: a follow (through a bind QR code or not), an unfollow, a bind QR code scanned
     * by a follower, or a question for the balances (a keyword, or the menu's button). Answers the text of a
     * passive reply, or null for none.
     */
    private String handle(WxMpXmlMessage message) {
        String openid = message.getFromUser();
        if (WxConsts.XmlMsgType.TEXT.equals(message.getMsgType())) {
            return BALANCE_KEYWORDS.contains(message.getContent() == null ? "" : message.getContent().strip())
                    ? balances(openid) : null;
        }
        if (!WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())) {
            return null;
        }
        String eventKey = message.getEventKey() == null ? "" : message.getEventKey();
        switch (message.getEvent() == null ? "" : message.getEvent()) {
            case WxConsts.EventType.SUBSCRIBE -> {
                String scene = eventKey.startsWith(SCENE_PREFIX) ? eventKey.substring(SCENE_PREFIX.length()) : null;
                notifications.followed(openid, scene);
                return scene == null ? null : "绑定成功：积分、储值和优惠券的变动会在这里提醒你";
            }
            case WxConsts.EventType.UNSUBSCRIBE -> notifications.unfollowed(openid);
            case WxConsts.EventType.SCAN -> {
                return notifications.scanned(openid, eventKey)
                        ? "绑定成功：积分、储值和优惠券的变动会在这里提醒你"
                        : "这个二维码已失效，请在小程序「我的」页重新获取";
            }
            case WxConsts.EventType.CLICK -> {
                return BALANCE_BUTTON.equals(eventKey) ? balances(openid) : null;
            }
            default -> {
            }
        }
        return null;
    }

    private String balances(String openid) {
        return notifications.balancesFor(openid)
                .orElse("还没有绑定会员：打开小程序「我的」页，扫描「关注公众号」二维码即可绑定，之后发送「积分」查询");
    }

    private SafeModeEnvelope envelope() {
        WxMpConfigStorage config = officialAccount.getWxMpConfigStorage();
        return new SafeModeEnvelope(config.getToken(), config.getAesKey(), config.getAppId());
    }

    /** Every refusal is a problem, whatever the caller's Accept says: negotiation would answer JSON or 406 instead. */
    @ExceptionHandler(LoyaltyException.class)
    ResponseEntity<ProblemDetail> refused(LoyaltyException ex) {
        return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(ex.status(), ex.code(), ex.getMessage()));
    }

    private void requireSignedNow(Signed signed) {
        if (!officialAccount.checkSignature(signed.timestamp(), signed.nonce(), signed.signature())) {
            throw PushRefusedException.forbidden("The signature does not match");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(signed.timestamp());
        } catch (NumberFormatException e) {
            throw PushRefusedException.forbidden("The timestamp is not a number of seconds");
        }
        long skew = clock.instant().getEpochSecond() - sentAt;
        if (skew > TIMESTAMP_WINDOW_SECONDS || skew < -TIMESTAMP_WINDOW_SECONDS) {
            throw PushRefusedException.forbidden("The timestamp is more than 5 minutes away from now");
        }
    }

    /** Reads at most one byte past the limit, also when the body comes chunked, without a length. */
    private String readBody(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The push inside a safe-mode envelope, once its msg_signature holds and it was sealed for our appid. */
    private String decrypt(Signed signed, String envelope) {
        WxMpConfigStorage config = officialAccount.getWxMpConfigStorage();
        if (config.getAesKey() == null || config.getAesKey().isBlank()) {
            throw PushRefusedException.forbidden("The push is encrypted but wx.mp.aes-key is not configured");
        }
        String encrypted = parse(envelope).getEncrypt();
        try {
            return envelope().open(encrypted, signed.timestamp(), signed.nonce(), signed.msgSignature());
        } catch (SecurityException | IllegalArgumentException e) {
            log.warn("Refused an encrypted official account push: {}", e.getMessage());
            throw PushRefusedException.forbidden("The encrypted push does not open: " + e.getMessage());
        }
    }

    private static void refuseBlankOrDtd(String xml) {
        if (xml.isBlank()) {
            throw PushRefusedException.invalid("The push has no body");
        }
        if (DTD.matcher(xml).find()) {
            log.warn("Refused an official account push that declares a DTD");
            throw PushRefusedException.invalid("The push may not declare a DOCTYPE or entities");
        }
    }

    private static WxMpXmlMessage parse(String xml) {
        refuseBlankOrDtd(xml);
        try {
            return WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            log.warn("Refused an official account push that is not readable XML: {}", e.getClass().getName());
            throw PushRefusedException.invalid("The push is not XML of the shape WeChat sends");
        }
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    /** The query parameters, from the query string alone: {@code getParameter} would also read a form body. */
    private record Signed(String signature, String timestamp, String nonce, String echostr, String encryptType,
            String msgSignature) {

        static Signed from(HttpServletRequest request) {
            MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString())
                    .build().getQueryParams();
            return new Signed(param(query, "signature"), param(query, "timestamp"), param(query, "nonce"),
                    param(query, "echostr"), param(query, "encrypt_type"), param(query, "msg_signature"));
        }

        /** Safe and compatible mode say {@code aes}; plain-text mode says {@code raw} or nothing. */
        boolean encrypted() {
            return "aes".equalsIgnoreCase(encryptType);
        }

        private static String param(MultiValueMap<String, String> query, String name) {
            String value = query.getFirst(name);
            try {
                return value == null ? "" : UriUtils.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    private static final class PushRefusedException extends LoyaltyException {

        private PushRefusedException(HttpStatus status, String code, String detail) {
            super(status, code, detail);
        }

        static PushRefusedException forbidden(String detail) {
            return new PushRefusedException(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
        }

        static PushRefusedException invalid(String detail) {
            return new PushRefusedException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        }
    }
}
