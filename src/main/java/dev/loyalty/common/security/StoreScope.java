package dev.loyalty.common.security;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/**
 * Which store an operator's request may see or change. A store manager has one store: asking for another is
 * 403, asking for none means theirs. Every other operator (and the system) sees all stores.
 */
public final class StoreScope {

    private StoreScope() {
    }

    /** The store to list for the current caller: the one asked for, or null for all; a store manager's own. */
    public static Long visible(Long requestedStoreId) {
        Long own = Actor.current().role() == OperatorRole.STORE_MANAGER ? Actor.current().storeId() : null;
        if (own == null) {
            return requestedStoreId;
        }
        if (requestedStoreId != null && !requestedStoreId.equals(own)) {
            throw new OtherStoreException(requestedStoreId);
        }
        return own;
    }

    /** Refuses a change at {@code storeId} when the current caller manages another store. */
    public static void requireManaged(long storeId) {
        visible(storeId);
    }

    public static class OtherStoreException extends LoyaltyException {

        OtherStoreException(long storeId) {
            super(HttpStatus.FORBIDDEN, "FORBIDDEN", "Store " + storeId + " is not the store you manage");
        }
    }
}
