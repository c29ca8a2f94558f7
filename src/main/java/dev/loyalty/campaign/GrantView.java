package dev.loyalty.campaign;

import dev.loyalty.member.Segment;
import java.time.Instant;

/**
 * A grant as operators see it. {@code targeted} is the members the grant aims at: the listed ones, or the
 * size of the segment or level when it started; once DONE, the members it reached
 * ({@code issued + skipped + failed}), since a segment or a level changes while a grant runs.
 */
public record GrantView(long id, GrantStatus status, Long templateId, Long points, String reason, GrantTarget target,
        long targeted, long issued, long skipped, long failed, String lastError, long createdBy, Instant createdAt,
        Instant finishedAt) {

    /** One of: {@code memberCount} listed members, a {@code segment}, a {@code levelCode}. */
    public record GrantTarget(GrantTargetKind kind, Integer memberCount, Segment segment, String levelCode) {
    }
}
