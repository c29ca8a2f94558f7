package dev.loyalty.notify.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.notify.NotificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class SubscriptionController {

    private final NotificationService notifications;
    private final String signInReminder;

    SubscriptionController(NotificationService notifications,
            @Value("${wx.miniapp.template.sign-in-reminder:}") String signInReminder) {
        this.notifications = notifications;
        this.signInReminder = signInReminder;
    }

    @Operation(summary = "The subscribe-message templates to ask grants for (wx.requestSubscribeMessage); empty: not configured")
    @GetMapping("/api/app/subscription-templates")
    Templates templates() {
        Map<String, String> ids = notifications.subscribeTemplateIds();
        return new Templates(signInReminder, ids.getOrDefault("points-changed", ""), ids.getOrDefault("wallet-changed", ""),
                ids.getOrDefault("coupon-changed", ""), ids.getOrDefault("level-changed", ""));
    }

    @Operation(summary = "Record one accepted wx.requestSubscribeMessage grant (sign-in reminder, or a change of balance)")
    @PostMapping("/api/app/subscriptions")
    Grant subscribe(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SubscribeRequest request) {
        return new Grant(request.templateId(), notifications.grant(actor.id(), request.templateId()));
    }

    record SubscribeRequest(@NotBlank @Size(max = 64) String templateId) {
    }

    record Grant(String templateId, int grantsLeft) {
    }

    record Templates(String signInReminder, String pointsChanged, String walletChanged, String couponChanged,
            String levelChanged) {
    }
}
