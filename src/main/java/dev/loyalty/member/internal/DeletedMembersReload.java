package dev.loyalty.member.internal;

import dev.loyalty.common.security.DeletedMembers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory deleted members in step with the database, so that a member deleted through another
 * instance has their tokens refused here too: at start-up, then every {@code loyalty.members.deleted-reload}
 * (5 s), the members deleted within one member-token lifetime (an index range on {@code deleted_at}); those
 * deleted longer ago hold no valid token and are forgotten.
 */
@Component
class DeletedMembersReload {

    private final MemberMapper members;
    private final DeletedMembers deleted;
    private final Clock clock;
    private final Duration tokenLifetime;

    DeletedMembersReload(MemberMapper members, DeletedMembers deleted, Clock clock,
            @Value("${loyalty.jwt.member-ttl:P7D}") Duration tokenLifetime) {
        this.members = members;
        this.deleted = deleted;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        reload();
    }

    @Scheduled(fixedDelayString = "${loyalty.members.deleted-reload:PT5S}", initialDelayString = "${loyalty.members.deleted-reload:PT5S}")
    void reload() {
        Instant since = clock.instant().minus(tokenLifetime);
        try {
            members.deletedSince(since).forEach(row -> deleted.add(row.getId(), row.getDeletedAt()));
        } catch (RuntimeException databaseAway) {
            // the map keeps what it knew; the next round tries again
        }
        deleted.forgetDeletedBefore(since);
    }
}
