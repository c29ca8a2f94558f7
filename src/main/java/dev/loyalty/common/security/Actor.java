package dev.loyalty.common.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a member of the Mini Program, an operator of the console or a store's API key. An operator carries the role
 * and (for a store manager) the store their account has at this request; other actors carry neither.
 */
public record Actor(Type type, long id, OperatorRole role, Long storeId) {

    /**
     * STAFF is a member acting at a store's counter; API_KEY a store's till or ERP signing with that store's API
     * key (its id is the key's row id, its storeId the key's store). Tokens only ever name MEMBER or ADMIN.
     */
    public enum Type { MEMBER, STAFF, ADMIN, SYSTEM, API_KEY }

    public static final Actor SYSTEM = new Actor(Type.SYSTEM, 0);

    public Actor(Type type, long id) {
        this(type, id, null, null);
    }

    /** An operator as their account stands now. */
    public static Actor operator(long id, OperatorRole role, Long storeId) {
        return new Actor(Type.ADMIN, id, role, storeId);
    }

    /** The caller of the current request, or {@link #SYSTEM} for jobs and listeners. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        return SYSTEM;
    }
}
