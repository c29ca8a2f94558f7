package dev.loyalty.notify.web;

import dev.loyalty.common.security.Actor;
import dev.loyalty.notify.NotificationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class SubscriptionController {

    private final NotificationService notifications;

    SubscriptionController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "Record one accepted wx.requestSubscribeMessage grant (for the sign-in reminder)")
    @PostMapping("/api/app/subscriptions")
    Grant subscribe(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SubscribeRequest request) {
        return new Grant(request.templateId(), notifications.grant(actor.id(), request.templateId()));
    }

    record SubscribeRequest(@NotBlank @Size(max = 64) String templateId) {
    }

    record Grant(String templateId, int grantsLeft) {
    }
}
