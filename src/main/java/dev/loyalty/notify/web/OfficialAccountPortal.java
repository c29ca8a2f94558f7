package dev.loyalty.notify.web;

import dev.loyalty.notify.NotificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's server push endpoint (plain-text mode). Every call must carry the signature
 * WeChat computes from {@code wx.mp.token}; subscribe and unsubscribe events keep the follower table.
 */
@Tag(name = "WeChat")
@RestController
class OfficialAccountPortal {

    private final WxMpService officialAccount;
    private final NotificationService notifications;

    OfficialAccountPortal(WxMpService officialAccount, NotificationService notifications) {
        this.officialAccount = officialAccount;
        this.notifications = notifications;
    }

    @Operation(summary = "WeChat's server check: answers echostr when the signature is right")
    @GetMapping(value = "/wx/mp/portal", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp, @RequestParam(defaultValue = "") String nonce,
            @RequestParam(defaultValue = "") String echostr) {
        if (!officialAccount.checkSignature(timestamp, nonce, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("invalid signature");
        }
        return ResponseEntity.ok(echostr);
    }

    @Operation(summary = "WeChat pushes follower events here")
    @PostMapping(value = "/wx/mp/portal", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> event(@RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String timestamp, @RequestParam(defaultValue = "") String nonce,
            @RequestBody(required = false) String body) {
        if (!officialAccount.checkSignature(timestamp, nonce, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("invalid signature");
        }
        if (body == null || body.isBlank()) {
            return ResponseEntity.badRequest().body("empty body");
        }
        WxMpXmlMessage message = WxMpXmlMessage.fromXml(body);
        if (WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())) {
            if (WxConsts.EventType.SUBSCRIBE.equals(message.getEvent())) {
                notifications.followed(message.getFromUser());
            } else if (WxConsts.EventType.UNSUBSCRIBE.equals(message.getEvent())) {
                notifications.unfollowed(message.getFromUser());
            }
        }
        return ResponseEntity.ok("success");
    }
}
