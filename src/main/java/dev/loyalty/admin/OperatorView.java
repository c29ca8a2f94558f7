package dev.loyalty.admin;

import dev.loyalty.common.security.OperatorRole;
import java.time.Instant;

/** An operator's account as the console shows it; never the password. */
public record OperatorView(long id, String username, OperatorRole role, Long storeId, boolean enabled, Instant createdAt) {
}
