package dev.loyalty.campaign.internal;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.security.Actor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewards one member for one campaign and period, in one transaction: the member's row (unique per campaign,
 * member and period) first, then the coupon and the points, then one unit of the budget by a guarded increment.
 * A spent budget rolls it all back and leaves no row; a refused coupon records the member SKIPPED. Members the
 * holdout picks are recorded HELD_OUT and given nothing; they take no budget, and once the budget is spent
 * nobody more is held out (the campaign would reward no one).
 */
@Component
public class CampaignRewarder {

    private static final Logger log = LoggerFactory.getLogger(CampaignRewarder.class);

    private final CampaignMapper campaigns;
    private final CampaignRewardMapper rewards;
    private final MemberRewards gifts;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    CampaignRewarder(CampaignMapper campaigns, CampaignRewardMapper rewards, MemberRewards gifts, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.rewards = rewards;
        this.gifts = gifts;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Whether the member is in the campaign's held-out group: a hash of campaign and member, the same every time. */
    public static boolean heldOut(long campaignId, long memberId, int holdoutPercent) {
        if (holdoutPercent <= 0) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaignId + ":" + memberId).getBytes(StandardCharsets.UTF_8));
            long bucket = Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), 100);
            return bucket < holdoutPercent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers what the campaign did for the member now, or null when it did nothing (reached before, budget spent). */
    public RewardOutcome reward(Campaign campaign, long memberId, int period) {
        long id = campaign.getId();
        Instant now = clock.instant();
        if (heldOut(id, memberId, campaign.getHoldoutPercent())) {
            return record(id, memberId, period, RewardOutcome.HELD_OUT, null, now);
        }
        try {
            Boolean given = RaceRetry.onLockLost("campaign reward", () -> tx.execute(status -> {
                rewards.claim(id, memberId, period, RewardOutcome.REWARDED, null, now);
                MemberRewards.Given gift = gifts.give(memberId, campaign.getTemplateId(), campaign.getPoints(),
                        "campaign:" + id + ":" + period, "campaign:" + id, campaign.getName());
                Long couponId = gift.couponId();
                Long entryId = gift.pointsEntryId();
                rewards.rewarded(id, memberId, period, couponId, entryId);
                if (campaigns.takeBudget(id) != 1) {
                    status.setRollbackOnly();
                    return false;
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("memberId", memberId);
                after.put("period", period);
                after.put("couponId", couponId);
                after.put("pointsEntryId", entryId);
                audit.record(Actor.SYSTEM, "CAMPAIGN_REWARDED", "campaign:" + id, null, after);
                return true;
            }));
            return Boolean.TRUE.equals(given) ? RewardOutcome.REWARDED : null;
        } catch (DuplicateKeyException reachedBefore) {
            return null;
        } catch (LoyaltyException refused) {
            log.info("Campaign {} skipped member {}: {}", id, memberId, refused.code());
            return record(id, memberId, period, RewardOutcome.SKIPPED, refused.code(), now);
        }
    }

    private RewardOutcome record(long id, long memberId, int period, RewardOutcome outcome, String detail, Instant now) {
        try {
            tx.executeWithoutResult(status -> rewards.claim(id, memberId, period, outcome, detail, now));
            return outcome;
        } catch (DuplicateKeyException reachedBefore) {
            return null;
        }
    }
}
