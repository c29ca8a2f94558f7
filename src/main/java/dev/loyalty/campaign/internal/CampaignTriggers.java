package dev.loyalty.campaign.internal;

import dev.loyalty.campaign.CampaignTrigger;
import dev.loyalty.member.LevelChanged;
import dev.loyalty.member.MemberJoined;
import dev.loyalty.member.SegmentEntered;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the member module's events into rewards. A campaign never fails what triggered it: a reward that
 * breaks is logged, and the member's unique row keeps a later attempt from giving twice. A first login is
 * rewarded on the login's own thread (login holds no transaction); a segment or a level change after its
 * transaction commits, on an async thread, so the change neither waits for the reward nor holds a second
 * connection for it. Those two are kept in Spring Modulith's event publication registry until the listener
 * has returned, so an instance that dies first has them republished when it restarts (and the member's
 * unique reward row keeps the replay from giving twice).
 */
@Component
class CampaignTriggers {

    private static final Logger log = LoggerFactory.getLogger(CampaignTriggers.class);

    private final CampaignMapper campaigns;
    private final CampaignRewarder rewarder;
    private final Clock clock;

    CampaignTriggers(CampaignMapper campaigns, CampaignRewarder rewarder, Clock clock) {
        this.campaigns = campaigns;
        this.rewarder = rewarder;
        this.clock = clock;
    }

    @EventListener
    void on(MemberJoined joined) {
        fire(CampaignTrigger.JOINED, joined.memberId(), clock.instant(), campaign -> true);
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SegmentEntered entered) {
        fire(CampaignTrigger.SEGMENT_ENTERED, entered.memberId(), entered.at(),
                campaign -> campaign.getSegment() == entered.segment());
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LevelChanged changed) {
        fire(CampaignTrigger.LEVEL_REACHED, changed.memberId(), changed.at(),
                campaign -> changed.toCode().equals(campaign.getLevelCode()));
    }

    /**
     * Rewards the member from every campaign of the trigger that applies and ran when it happened: a campaign
     * created after the event (which an async listener may see) was not there for it.
     */
    private void fire(CampaignTrigger trigger, long memberId, Instant happenedAt, Predicate<Campaign> applies) {
        try {
            LocalDate day = LocalDate.ofInstant(happenedAt, clock.getZone());
            for (Campaign campaign : campaigns.enabledOf(trigger)) {
                if (campaign.runsOn(day) && !campaign.getCreatedAt().isAfter(happenedAt) && applies.test(campaign)) {
                    try {
                        rewarder.reward(campaign, memberId, 0);
                    } catch (RuntimeException broken) {
                        log.warn("Campaign {} could not reward member {}", campaign.getId(), memberId, broken);
                    }
                }
            }
        } catch (RuntimeException broken) {
            log.warn("Campaigns of {} could not run for member {}", trigger, memberId, broken);
        }
    }
}
