package dev.loyalty.webhook.internal;

import dev.loyalty.common.persistence.CachedValue;
import dev.loyalty.common.persistence.SharedCaches;
import dev.loyalty.webhook.WebhookEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which webhooks take which event type, held in memory: every change of points, wallet or coupons asks, so a
 * change nobody subscribed to costs a map lookup and no query. Creating or deleting a webhook reloads it here at
 * once and on the other instances through {@link SharedCaches} (within a minute should Redis be away).
 */
@Component
public class Subscriptions {

    static final String CACHE = "webhook-subscriptions";

    private final CachedValue<Map<WebhookEventType, List<Long>>> byType;
    private final SharedCaches caches;

    Subscriptions(WebhookMapper webhooks, SharedCaches caches) {
        this.caches = caches;
        this.byType = caches.value(CACHE, Duration.ofMinutes(1), () -> load(webhooks));
    }

    private static Map<WebhookEventType, List<Long>> load(WebhookMapper webhooks) {
        Map<WebhookEventType, List<Long>> byType = new EnumMap<>(WebhookEventType.class);
        for (Webhook webhook : webhooks.live()) {
            if (!Boolean.TRUE.equals(webhook.getEnabled())) {
                continue;
            }
            for (WebhookEventType type : Events.parse(webhook.getEvents())) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(webhook.getId());
            }
        }
        byType.replaceAll((type, ids) -> List.copyOf(ids));
        return byType;
    }

    /** The ids of the webhooks that take {@code type}; empty (and no query) when none does. */
    List<Long> of(WebhookEventType type) {
        return byType.get().getOrDefault(type, List.of());
    }

    /** A webhook was created or deleted: every instance reloads, once the change has committed. */
    public void changed() {
        caches.changed(CACHE);
    }
}
