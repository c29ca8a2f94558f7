package dev.loyalty.open;

import java.time.Instant;

/**
 * A store's API key as operators list it, never with its secret. {@code id} is what the audit log names as
 * the actor ({@code API_KEY:id}); {@code lastUsedAt} is kept to the minute.
 */
public record ApiKeyView(long id, String keyId, String name, long storeId, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt) {
}
