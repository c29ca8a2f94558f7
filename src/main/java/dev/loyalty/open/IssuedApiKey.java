package dev.loyalty.open;

import java.time.Instant;

/** A new API key with its secret: the only time the secret is shown. */
public record IssuedApiKey(long id, String keyId, String secret, String name, long storeId, Instant createdAt) {
}
