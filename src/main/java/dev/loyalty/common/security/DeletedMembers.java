package dev.loyalty.common.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Members who deleted their account recently, held in memory so that their tokens stop working without a
 * database read on every member request. A deletion adds its member here at once (on the instance that deleted
 * it); the member module reloads the recent deletions from the database every few seconds, which is how other
 * instances learn of them. A deleted member gets no new token, so once a member token's lifetime has passed
 * since the deletion every token of theirs has expired by itself and the member is forgotten here: the map
 * holds the deletions of one token lifetime, not of all time.
 */
@Component
public class DeletedMembers {

    private final Map<Long, Instant> deletedAt = new ConcurrentHashMap<>();

    public boolean contains(long memberId) {
        return deletedAt.containsKey(memberId);
    }

    public void add(long memberId, Instant at) {
        deletedAt.putIfAbsent(memberId, at);
    }

    /** Forgets the members deleted before {@code cutoff}: no token issued to them is still valid. */
    public void forgetDeletedBefore(Instant cutoff) {
        deletedAt.values().removeIf(at -> at.isBefore(cutoff));
    }
}
