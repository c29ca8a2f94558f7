package dev.loyalty.member.internal;

import dev.loyalty.common.security.DeletedMembers;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory set of deleted members in step with the database, so that a member deleted through
 * another instance has their tokens refused here too: at start-up, then every
 * {@code loyalty.members.deleted-reload} (5 s) one count of the deleted rows, and the ids only when it moved.
 */
@Component
class DeletedMembersReload {

    private final MemberMapper members;
    private final DeletedMembers deleted;

    DeletedMembersReload(MemberMapper members, DeletedMembers deleted) {
        this.members = members;
        this.deleted = deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        deleted.addAll(members.deletedIds());
    }

    @Scheduled(fixedDelayString = "${loyalty.members.deleted-reload:PT5S}", initialDelayString = "${loyalty.members.deleted-reload:PT5S}")
    void reload() {
        try {
            if (members.countDeleted() != deleted.size()) {
                deleted.addAll(members.deletedIds());
            }
        } catch (RuntimeException databaseAway) {
            // the set keeps what it knew; the next round tries again
        }
    }
}
