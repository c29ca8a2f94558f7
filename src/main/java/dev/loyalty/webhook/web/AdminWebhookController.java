package dev.loyalty.webhook.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.web.PageQuery;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.webhook.DeliveryStatus;
import dev.loyalty.webhook.DeliveryView;
import dev.loyalty.webhook.NewWebhook;
import dev.loyalty.webhook.WebhookEventType;
import dev.loyalty.webhook.WebhookView;
import dev.loyalty.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Admin")
@RestController
class AdminWebhookController {

    private final Webhooks webhooks;

    AdminWebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Subscribe an https endpoint to events: points.changed, wallet.changed, coupon.changed, "
            + "member.level_changed. Deliveries are signed with the secret, which is never shown again")
    @PostMapping("/api/admin/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    WebhookView create(@Valid @RequestBody WebhookRequest request) {
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (String name : request.events()) {
            events.add(WebhookEventType.ofWireName(name == null ? "" : name.strip()).orElseThrow(() ->
                    new InvalidRequestException("events", "unknown event " + name + "; one of points.changed, "
                            + "wallet.changed, coupon.changed, member.level_changed")));
        }
        return webhooks.create(new NewWebhook(request.url(), events, request.secret()));
    }

    @Operation(summary = "Webhooks, oldest first")
    @GetMapping("/api/admin/webhooks")
    List<WebhookView> list() {
        return webhooks.list();
    }

    @Operation(summary = "One webhook")
    @GetMapping("/api/admin/webhooks/{id}")
    WebhookView webhook(@PathVariable long id) {
        return webhooks.webhook(id);
    }

    @Operation(summary = "Delete a webhook: nothing more is sent to it, its pending deliveries are FAILED")
    @DeleteMapping("/api/admin/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        webhooks.delete(id);
    }

    @Operation(summary = "A webhook's deliveries, newest first, by status (PENDING, DELIVERED, FAILED)")
    @GetMapping("/api/admin/webhooks/{id}/deliveries")
    PageResponse<DeliveryView> deliveries(@PathVariable long id, @RequestParam(required = false) DeliveryStatus status,
            @Valid PageQuery paging) {
        return webhooks.deliveries(id, status, paging.toPage());
    }

    @Operation(summary = "Queue a FAILED delivery again (a fresh round of attempts, due now)")
    @PostMapping("/api/admin/webhooks/{id}/deliveries/{deliveryId}/retry")
    DeliveryView retry(@PathVariable long id, @PathVariable long deliveryId) {
        return webhooks.retry(id, deliveryId);
    }

    record WebhookRequest(
            @NotBlank @Size(max = 2000) @Schema(example = "https://hooks.example.com/loyalty") String url,
            @NotEmpty @Size(max = 4) @ArraySchema(schema = @Schema(allowableValues = {"points.changed",
                    "wallet.changed", "coupon.changed", "member.level_changed"})) List<@NotNull String> events,
            @NotBlank @Size(min = 16, max = 200) @Schema(description = "the HMAC-SHA256 key; 16 to 200 characters")
            String secret) {
    }
}
