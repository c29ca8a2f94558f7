package dev.loyalty.counter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.loyalty.common.security.Actor;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who acts at a store's counter: a member who works there, or a till (a store's API key, {@code apiKeyId}
 * not 0) with no member behind it. A till's {@code memberId} is 0, which no member has, so the rule that
 * staff never serve their own account never refuses a till, and the rows it writes name no staff member.
 */
public record StaffBinding(long memberId, long storeId, @JsonIgnore @Schema(hidden = true) long apiKeyId) {

    /** A member bound as staff to a store. */
    public StaffBinding(long memberId, long storeId) {
        this(memberId, storeId, 0);
    }

    /** A till of {@code storeId} calling with the API key whose row id is {@code apiKeyId}. */
    public static StaffBinding till(long storeId, long apiKeyId) {
        if (apiKeyId <= 0) {
            throw new IllegalArgumentException("an API key id is positive");
        }
        return new StaffBinding(0, storeId, apiKeyId);
    }

    /** Who the audit trail names for what happens at this counter: the staff member, or the till's API key. */
    @JsonIgnore
    public Actor actor() {
        return apiKeyId != 0 ? new Actor(Actor.Type.API_KEY, apiKeyId, null, storeId) : new Actor(Actor.Type.STAFF, memberId);
    }
}
