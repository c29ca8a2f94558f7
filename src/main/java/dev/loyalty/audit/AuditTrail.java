package dev.loyalty.audit;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.internal.AuditEntry;
import dev.loyalty.audit.internal.AuditEntryMapper;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.common.web.RequestIdFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records admin and staff writes; callers record inside their own transaction, so both commit or neither. */
@Service
public class AuditTrail {

    private final AuditEntryMapper entries;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditEntryMapper entries, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records that the current actor did {@code action} to {@code target} (such as {@code member:42}).
     * Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String target, Object before, Object after) {
        record(Actor.current(), action, target, before, after);
    }

    /** Records a change made by {@code actor}, such as a member acting as staff at a store. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String target, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.setActorType(actor.type().name());
        entry.setActorId(actor.id());
        entry.setActorRole(actor.role() == null ? null : actor.role().name());
        entry.setAction(action);
        entry.setTarget(target);
        entry.setBeforeJson(before == null ? null : json.writeValueAsString(before));
        entry.setAfterJson(after == null ? null : json.writeValueAsString(after));
        entry.setRequestId(RequestIdFilter.current());
        entry.setCreatedAt(clock.instant());
        entries.insert(entry);
    }

    /**
     * Retention: deletes the oldest at most {@code limit} entries written before {@code before}, in one statement
     * by their ids; answers how many went (fewer than {@code limit}: none are left).
     */
    @Transactional
    public int purgeBefore(Instant before, int limit) {
        List<Long> ids = entries.writtenBefore(before, limit);
        return ids.isEmpty() ? 0 : entries.deleteByIds(ids);
    }

    @Transactional(readOnly = true)
    public PageResponse<AuditRecord> search(AuditQuery query, Page<AuditEntry> page) {
        LambdaQueryWrapper<AuditEntry> where = new LambdaQueryWrapper<AuditEntry>()
                .eq(query.actorType() != null, AuditEntry::getActorType, query.actorType())
                .eq(query.actorId() != null, AuditEntry::getActorId, query.actorId())
                .eq(query.action() != null, AuditEntry::getAction, query.action())
                .ge(query.from() != null, AuditEntry::getCreatedAt, query.from())
                .lt(query.to() != null, AuditEntry::getCreatedAt, query.to())
                .orderByDesc(AuditEntry::getId);
        return PageResponse.from(entries.selectPage(page, where), this::toRecord);
    }

    private AuditRecord toRecord(AuditEntry entry) {
        return new AuditRecord(entry.getId(), entry.getActorType(), entry.getActorId(), entry.getActorRole(), entry.getAction(),
                entry.getTarget(), parse(entry.getBeforeJson()), parse(entry.getAfterJson()), entry.getRequestId(),
                entry.getCreatedAt());
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }

    /** Filters of the audit log; null means any. {@code to} is exclusive. */
    public record AuditQuery(String actorType, Long actorId, String action, Instant from, Instant to) {
    }

    public record AuditRecord(long id, String actorType, long actorId, String actorRole, String action, String target, JsonNode before,
            JsonNode after, String requestId, Instant at) {
    }
}
