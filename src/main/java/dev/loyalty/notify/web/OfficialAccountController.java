package dev.loyalty.notify.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.notify.NotificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The member's link to the official account, whose messages tell them of every change of their balances. */
@Tag(name = "Member")
@RestController
class OfficialAccountController {

    private final NotificationService notifications;

    OfficialAccountController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "Whether a follower of the official account is linked to me")
    @GetMapping("/api/app/official-account")
    Link link(@AuthenticationPrincipal Actor actor) {
        return new Link(notifications.linked(actor.id()));
    }

    @Operation(summary = "A QR code, good for 10 minutes and one scan: following (or scanning) it links that follower to me")
    @PostMapping("/api/app/official-account/bind-qrcode")
    BindCode bindCode(@AuthenticationPrincipal Actor actor) {
        NotificationService.BindCode code = notifications.bindCode(actor.id());
        return new BindCode(code.ticket(), code.url(), code.expiresAt());
    }

    record Link(boolean linked) {
    }

    record BindCode(String ticket, String url, Instant expiresAt) {
    }
}
