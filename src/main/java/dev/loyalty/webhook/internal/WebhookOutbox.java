package dev.loyalty.webhook.internal;

import dev.loyalty.coupon.CouponChanged;
import dev.loyalty.member.LevelChanged;
import dev.loyalty.points.PointsChanged;
import dev.loyalty.wallet.WalletChanged;
import dev.loyalty.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a change into one delivery row per webhook that takes its type, inside the change's own transaction (a
 * plain listener runs in the publisher's): if the change commits, so do its deliveries, and a change that rolls
 * back sends nothing. The body is made once, here, with a new event id, and stored: every attempt sends the same
 * bytes. With no webhook taking the type nothing is written and the body is not even made.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Subscriptions subscriptions;
    private final WebhookDeliveryMapper deliveries;
    private final Clock clock;

    WebhookOutbox(Subscriptions subscriptions, WebhookDeliveryMapper deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @EventListener
    void on(PointsChanged change) {
        record(WebhookEventType.POINTS_CHANGED, clock.instant(), () -> data(
                "memberId", change.memberId(), "entryId", change.entryId(), "delta", change.delta(),
                "balanceAfter", change.balance(), "entryType", change.type().name(), "source", change.source().name()));
    }

    @EventListener
    void on(WalletChanged change) {
        record(WebhookEventType.WALLET_CHANGED, clock.instant(), () -> data(
                "memberId", change.memberId(), "entryId", change.entryId(), "deltaCents", change.deltaCents(),
                "balanceAfterCents", change.balanceCents(), "entryType", change.type().name()));
    }

    @EventListener
    void on(CouponChanged change) {
        record(WebhookEventType.COUPON_CHANGED, clock.instant(), () -> data(
                "memberId", change.memberId(), "couponId", change.couponId(), "name", change.name(),
                "status", change.status() == null ? null : change.status().name(), "change", change.change()));
    }

    @EventListener
    void on(LevelChanged change) {
        record(WebhookEventType.MEMBER_LEVEL_CHANGED, change.at() == null ? clock.instant() : change.at(), () -> data(
                "memberId", change.memberId(), "fromCode", change.fromCode(), "toCode", change.toCode(),
                "toName", change.toName(), "growth", change.growth()));
    }

    private void record(WebhookEventType type, Instant occurredAt, Supplier<Map<String, Object>> data) {
        List<Long> webhooks = subscriptions.of(type);
        if (webhooks.isEmpty()) {
            return;
        }
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", type.wireName());
        event.put("occurredAt", occurredAt.toString());
        event.put("data", data.get());
        String payload = JSON.writeValueAsString(event);
        Instant now = clock.instant();
        for (long webhookId : webhooks) {
            deliveries.insert(WebhookDelivery.pending(webhookId, eventId, type.wireName(), payload, now));
        }
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
