package dev.loyalty.webhook;

import java.time.Instant;
import java.util.List;

/** A webhook as operators see it; its secret is never shown again after it was given. */
public record WebhookView(long id, String url, List<String> events, boolean enabled, Instant createdAt) {
}
