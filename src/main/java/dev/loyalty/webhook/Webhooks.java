package dev.loyalty.webhook;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.webhook.internal.Destinations;
import dev.loyalty.webhook.internal.Events;
import dev.loyalty.webhook.internal.Subscriptions;
import dev.loyalty.webhook.internal.Webhook;
import dev.loyalty.webhook.internal.WebhookDelivery;
import dev.loyalty.webhook.internal.WebhookDeliveryMapper;
import dev.loyalty.webhook.internal.WebhookMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' webhooks: create, list, delete, and each one's delivery log with a retry of what FAILED. */
@Service
public class Webhooks {

    private final WebhookMapper webhooks;
    private final WebhookDeliveryMapper deliveries;
    private final Destinations destinations;
    private final Subscriptions subscriptions;
    private final AuditTrail audit;
    private final Clock clock;

    Webhooks(WebhookMapper webhooks, WebhookDeliveryMapper deliveries, Destinations destinations,
            Subscriptions subscriptions, AuditTrail audit, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new webhook, enabled; its URL must pass {@link Destinations} (400 on {@code url} otherwise). */
    @Transactional
    public WebhookView create(NewWebhook command) {
        String refusal = destinations.refusal(command.url());
        if (refusal != null) {
            throw new InvalidRequestException("url", refusal);
        }
        Webhook webhook = new Webhook();
        webhook.setUrl(command.url().strip());
        webhook.setEvents(Events.format(command.events()));
        webhook.setSecret(command.secret());
        webhook.setEnabled(true);
        Actor actor = Actor.current();
        webhook.setCreatedBy(actor.type() == Actor.Type.SYSTEM ? null : actor.id());
        webhook.setCreatedAt(clock.instant());
        webhooks.insert(webhook);
        WebhookView view = toView(webhook);
        audit.record("WEBHOOK_CREATED", "webhook:" + webhook.getId(), null,
                Map.of("url", view.url(), "events", view.events()));
        subscriptions.changed();
        return view;
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        return webhooks.live().stream().map(Webhooks::toView).toList();
    }

    @Transactional(readOnly = true)
    public WebhookView webhook(long id) {
        return toView(live(id));
    }

    /** Deleted: nothing more is sent to it, and what it still had PENDING is FAILED. */
    @Transactional
    public void delete(long id) {
        Webhook webhook = live(id);
        if (webhooks.markDeleted(id, clock.instant()) != 1) {
            throw new NotFoundException("Webhook", id);
        }
        deliveries.abandon(id);
        audit.record("WEBHOOK_DELETED", "webhook:" + id,
                Map.of("url", webhook.getUrl(), "events", Events.names(webhook.getEvents())), null);
        subscriptions.changed();
    }

    @Transactional(readOnly = true)
    public PageResponse<DeliveryView> deliveries(long webhookId, DeliveryStatus status, Page<WebhookDelivery> page) {
        live(webhookId);
        return PageResponse.from(deliveries.selectPage(page, new LambdaQueryWrapper<WebhookDelivery>()
                .eq(WebhookDelivery::getWebhookId, webhookId)
                .eq(status != null, WebhookDelivery::getStatus, status == null ? null : status.name())
                .orderByDesc(WebhookDelivery::getId)), Webhooks::toView);
    }

    /** A FAILED delivery queued again: PENDING, a fresh round of attempts, due now (409 for any other status). */
    @Transactional
    public DeliveryView retry(long webhookId, long deliveryId) {
        live(webhookId);
        WebhookDelivery before = deliveries.selectById(deliveryId);
        if (before == null || before.getWebhookId() != webhookId) {
            throw new NotFoundException("Delivery", deliveryId);
        }
        if (deliveries.retry(webhookId, deliveryId, clock.instant()) != 1) {
            throw new DeliveryNotRetryableException(deliveryId, DeliveryStatus.valueOf(before.getStatus()));
        }
        audit.record("WEBHOOK_DELIVERY_RETRIED", "webhook-delivery:" + deliveryId,
                Map.of("status", before.getStatus(), "attempts", before.getAttempts()),
                Map.of("status", "PENDING", "attempts", 0));
        return toView(deliveries.selectById(deliveryId));
    }

    private Webhook live(long id) {
        Webhook webhook = webhooks.findLive(id);
        if (webhook == null) {
            throw new NotFoundException("Webhook", id);
        }
        return webhook;
    }

    private static WebhookView toView(Webhook w) {
        return new WebhookView(w.getId(), w.getUrl(), Events.names(w.getEvents()), Boolean.TRUE.equals(w.getEnabled()),
                w.getCreatedAt());
    }

    private static DeliveryView toView(WebhookDelivery d) {
        return new DeliveryView(d.getId(), d.getEventId(), d.getType(), DeliveryStatus.valueOf(d.getStatus()),
                d.getAttempts(), d.getLastStatusCode(), d.getLastError(), d.getNextAttemptAt(), d.getDeliveredAt(),
                d.getCreatedAt());
    }
}
