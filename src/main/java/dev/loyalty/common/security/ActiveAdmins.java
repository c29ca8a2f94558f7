package dev.loyalty.common.security;

/**
 * Whether an operator's account still stands. An admin token is refused on the next request once its
 * account is disabled or removed, however long the token has left. Implemented by the admin module
 * (common may not depend on it).
 */
@FunctionalInterface
public interface ActiveAdmins {

    boolean isActive(long adminId);
}
