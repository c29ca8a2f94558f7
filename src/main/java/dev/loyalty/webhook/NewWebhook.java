package dev.loyalty.webhook;

import java.util.Set;

/** A webhook to create: where to POST, what to send there, and the secret its deliveries are signed with. */
public record NewWebhook(String url, Set<WebhookEventType> events, String secret) {
}
