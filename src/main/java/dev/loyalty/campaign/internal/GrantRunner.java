package dev.loyalty.campaign.internal;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberService;
import dev.loyalty.member.Segment;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through RUNNING grants, a batch of members at a time in member-id order. Each member is one
 * transaction: the outcome row (unique per grant and member) is inserted first, then the coupon and the
 * points, so a member is reached once however often a batch runs again. A refusal (no stock left, the
 * member's limit reached, the template closed) rolls that back and records the member SKIPPED; anything
 * else but a database error records them FAILED. A lost row lock is tried again; any other database error
 * breaks the run off: the grant stays RUNNING and the next run resumes it from its cursor, up to
 * {@link #MAX_RUN_ERRORS} runs in a row, then it is FAILED. A run starts by recounting the outcome rows, so counts a crash left behind are corrected.
 */
@Component
public class GrantRunner {

    static final int BATCH = 100;
    static final int MAX_RUN_ERRORS = 3;

    private static final Logger log = LoggerFactory.getLogger(GrantRunner.class);

    private final CouponGrantMapper grants;
    private final GrantMemberMapper reached;
    private final MemberRewards rewards;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    GrantRunner(CouponGrantMapper grants, GrantMemberMapper reached, MemberRewards rewards, MemberService members,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.grants = grants;
        this.reached = reached;
        this.rewards = rewards;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Runs every RUNNING grant, oldest first, those started meanwhile included; answers the members reached. */
    public long runAll() {
        long total = 0;
        long afterId = 0;
        Optional<CouponGrant> next;
        while ((next = grants.nextRunning(afterId)).isPresent()) {
            CouponGrant grant = next.get();
            afterId = grant.getId();
            try {
                total += run(grant);
            } catch (RuntimeException broke) {
                log.warn("Grant {} broke off; the next run resumes it", grant.getId(), broke);
                grants.brokeOff(grant.getId(), describe(broke), MAX_RUN_ERRORS, clock.instant());
            }
        }
        return total;
    }

    private long run(CouponGrant grant) {
        long id = grant.getId();
        recount(id);
        long cursor = grant.getCursorMemberId();
        long total = 0;
        List<Long> batch = candidates(grant, cursor);
        while (!batch.isEmpty()) {
            Set<Long> done = new HashSet<>(reached.reachedAmong(id, batch));
            long[] counts = new long[GrantOutcome.values().length];
            for (long memberId : batch) {
                if (!done.contains(memberId)) {
                    grantOne(grant, memberId).ifPresent(outcome -> counts[outcome.ordinal()]++);
                    total++;
                }
            }
            cursor = batch.get(batch.size() - 1);
            if (grants.advance(id, cursor, counts[GrantOutcome.ISSUED.ordinal()], counts[GrantOutcome.SKIPPED.ordinal()],
                    counts[GrantOutcome.FAILED.ordinal()]) != 1) {
                return total; // another run is ahead of this one, or the grant ended meanwhile
            }
            batch = candidates(grant, cursor);
        }
        finish(id);
        return total;
    }

    private List<Long> candidates(CouponGrant grant, long afterId) {
        return switch (grant.getTargetKind()) {
            case MEMBERS -> grants.listedAfter(grant.getId(), afterId, BATCH);
            case SEGMENT -> members.idsInGroupAfter(Segment.valueOf(grant.getTargetValue()), null, afterId, BATCH);
            case LEVEL -> members.idsInGroupAfter(null, grant.getTargetValue(), afterId, BATCH);
        };
    }

    /** The member's outcome, or empty when another run reached them first. */
    private Optional<GrantOutcome> grantOne(CouponGrant grant, long memberId) {
        long id = grant.getId();
        try {
            RaceRetry.onLockLost("coupon grant", () -> tx.execute(status -> {
                reached.claim(id, memberId, GrantOutcome.ISSUED, null, clock.instant());
                MemberRewards.Given given = rewards.give(memberId, grant.getTemplateId(), grant.getPoints(), "grant:" + id,
                        "campaign-grant:" + id, grant.getReason());
                return reached.issued(id, memberId, given.couponId(), given.pointsEntryId());
            }));
            return Optional.of(GrantOutcome.ISSUED);
        } catch (DuplicateKeyException reachedMeanwhile) {
            return Optional.empty();
        } catch (IdempotencyConflictException broken) {
            return record(id, memberId, GrantOutcome.FAILED, broken.code() + ": " + broken.getMessage());
        } catch (LoyaltyException refused) {
            return record(id, memberId, GrantOutcome.SKIPPED, refused.code());
        } catch (DataAccessException database) {
            throw database;
        } catch (RuntimeException broken) {
            log.warn("Grant {} failed for member {}", id, memberId, broken);
            return record(id, memberId, GrantOutcome.FAILED, describe(broken));
        }
    }

    private Optional<GrantOutcome> record(long grantId, long memberId, GrantOutcome outcome, String detail) {
        try {
            tx.executeWithoutResult(status -> reached.claim(grantId, memberId, outcome, clip(detail, 200), clock.instant()));
            return Optional.of(outcome);
        } catch (DuplicateKeyException reachedMeanwhile) {
            return Optional.empty();
        }
    }

    private void recount(long grantId) {
        long[] counts = new long[GrantOutcome.values().length];
        for (Map<String, Object> row : reached.countByOutcome(grantId)) {
            String outcome = null;
            long n = 0;
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (column.getKey().equalsIgnoreCase("outcome")) {
                    outcome = String.valueOf(column.getValue());
                } else {
                    n = ((Number) column.getValue()).longValue();
                }
            }
            counts[GrantOutcome.valueOf(outcome).ordinal()] = n;
        }
        grants.recount(grantId, counts[GrantOutcome.ISSUED.ordinal()], counts[GrantOutcome.SKIPPED.ordinal()],
                counts[GrantOutcome.FAILED.ordinal()]);
    }

    private void finish(long grantId) {
        tx.executeWithoutResult(status -> {
            if (grants.finish(grantId, clock.instant()) == 1) {
                CouponGrant done = grants.selectById(grantId);
                audit.record(Actor.SYSTEM, "COUPON_GRANT_DONE", "coupon-grant:" + grantId, null,
                        Map.of("targeted", done.getTargeted(), "issued", done.getIssued(), "skipped", done.getSkipped(),
                                "failed", done.getFailed()));
            }
        });
    }

    private static String describe(RuntimeException e) {
        return clip(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), 500);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
