package dev.loyalty.common.security;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Members who deleted their account, held in memory so that their tokens stop working without a database
 * read on every member request. A deletion adds its member here at once (on the instance that deleted it);
 * the member module reloads the set from the database every few seconds, which is how other instances learn
 * of it. Deletion is final, so the set only grows.
 */
@Component
public class DeletedMembers {

    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    public boolean contains(long memberId) {
        return ids.contains(memberId);
    }

    public void add(long memberId) {
        ids.add(memberId);
    }

    public void addAll(Collection<Long> memberIds) {
        ids.addAll(memberIds);
    }

    public int size() {
        return ids.size();
    }
}
