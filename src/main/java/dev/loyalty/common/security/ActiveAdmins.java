package dev.loyalty.common.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Operators' accounts as they stand now. An admin token is refused on the next request once its account is
 * disabled or removed, or its password was reset after the token was issued, however long the token has
 * left; the role is read afresh on every request. Implemented by the admin module (common may not depend on it).
 */
@FunctionalInterface
public interface ActiveAdmins {

    /** The operator, with their current role and store, or empty when a token issued at {@code issuedAt} no longer stands. */
    Optional<Actor> standing(long adminId, Instant issuedAt);
}
