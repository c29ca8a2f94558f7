package dev.loyalty.campaign;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.campaign.internal.Campaign;
import dev.loyalty.campaign.internal.CampaignMapper;
import dev.loyalty.campaign.internal.CampaignRewardMapper;
import dev.loyalty.campaign.internal.RewardOutcome;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.CouponTemplateView;
import dev.loyalty.coupon.CouponTemplates;
import dev.loyalty.member.MemberService;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.MemberPurchase;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.signin.SignInService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' campaigns: written and read here, run by the triggers and the daily {@code campaigns} job.
 * An edit writes the operator's columns by name and never {@code rewarded}, which only rewards move.
 */
@Service
public class Campaigns {

    static final Duration AFTER = Duration.ofDays(30);
    private static final int CHUNK = 1000;

    private final CampaignMapper campaigns;
    private final CampaignRewardMapper rewards;
    private final CouponTemplates templates;
    private final CouponMall mall;
    private final SignInService signIns;
    private final CounterService counter;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(CampaignMapper campaigns, CampaignRewardMapper rewards, CouponTemplates templates, CouponMall mall,
            SignInService signIns, CounterService counter, MemberService members, AuditTrail audit, Clock clock) {
        this.mall = mall;
        this.signIns = signIns;
        this.counter = counter;
        this.campaigns = campaigns;
        this.rewards = rewards;
        this.templates = templates;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses an unknown template ({@code NOT_FOUND}), a disabled one and an unknown level ({@code VALIDATION_FAILED}). */
    @Transactional
    public CampaignView create(CampaignCommand command) {
        check(command);
        Instant now = clock.instant();
        Campaign campaign = new Campaign();
        write(campaign, command);
        campaign.setRewarded(0L);
        campaign.setCreatedBy(Actor.current().id());
        campaign.setCreatedAt(now);
        campaign.setUpdatedAt(now);
        campaigns.insert(campaign);
        CampaignView created = view(campaigns.selectById(campaign.getId()));
        audit.record("CAMPAIGN_CREATED", "campaign:" + created.id(), null, created);
        return created;
    }

    @Transactional
    public CampaignView update(long id, CampaignCommand command) {
        CampaignView before = campaign(id);
        check(command);
        campaigns.update(null, new LambdaUpdateWrapper<Campaign>()
                .set(Campaign::getName, command.name())
                .set(Campaign::getTriggerKind, command.trigger())
                .set(Campaign::getSegment, command.segment())
                .set(Campaign::getLevelCode, command.levelCode())
                .set(Campaign::getTemplateId, command.templateId())
                .set(Campaign::getPoints, command.points())
                .set(Campaign::getBudget, command.budget())
                .set(Campaign::getStartsOn, command.startsOn())
                .set(Campaign::getEndsOn, command.endsOn())
                .set(Campaign::getEnabled, command.enabled())
                .set(Campaign::getHoldoutPercent, command.holdoutPercent())
                .set(Campaign::getUpdatedAt, clock.instant())
                .eq(Campaign::getId, id));
        CampaignView after = campaign(id);
        audit.record("CAMPAIGN_UPDATED", "campaign:" + id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public CampaignView campaign(long id) {
        return view(load(id));
    }

    /** Campaigns, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<CampaignView> campaigns(Page<Campaign> page) {
        return PageResponse.from(campaigns.selectPage(page, new LambdaQueryWrapper<Campaign>().orderByDesc(Campaign::getId)),
                this::view);
    }

    /** How many members the campaign rewarded, held out and skipped, and what both groups did after (see {@link CampaignReport}). */
    @Transactional(readOnly = true)
    public CampaignReport report(long id) {
        load(id);
        List<RewardRow> rewarded = rows(id, RewardOutcome.REWARDED);
        List<RewardRow> heldOut = rows(id, RewardOutcome.HELD_OUT);
        long skipped = rewards.countOf(id, RewardOutcome.SKIPPED);
        long couponsUsed = 0;
        List<Long> couponIds = rewarded.stream().map(RewardRow::couponId).filter(Objects::nonNull).toList();
        for (List<Long> chunk : chunks(couponIds)) {
            couponsUsed += mall.countUsed(chunk);
        }
        return new CampaignReport(id, rewarded.size(), heldOut.size(), skipped, couponsUsed, afterwards(rewarded),
                afterwards(heldOut));
    }

    /** Who of the group came back, and what they spent, in the 30 days from each one's trigger. */
    private CampaignReport.Group afterwards(List<RewardRow> group) {
        long cameBack = 0;
        long spend = 0;
        for (List<RewardRow> chunk : chunks(group)) {
            Instant from = chunk.stream().map(RewardRow::triggeredAt).min(Instant::compareTo).orElseThrow();
            Instant to = chunk.stream().map(RewardRow::triggeredAt).max(Instant::compareTo).orElseThrow().plus(AFTER);
            Map<Long, RewardRow> byMember = new HashMap<>();
            chunk.forEach(row -> byMember.put(row.memberId(), row));
            Map<Long, List<Instant>> visits = signIns.visitsBetween(byMember.keySet(), from, to);
            Set<Long> back = new HashSet<>();
            visits.forEach((member, times) -> {
                if (times.stream().anyMatch(byMember.get(member)::within)) {
                    back.add(member);
                }
            });
            for (MemberPurchase purchase : counter.purchasesBetween(byMember.keySet(), from, to)) {
                if (byMember.get(purchase.memberId()).within(purchase.at())) {
                    back.add(purchase.memberId());
                    spend += purchase.netCents();
                }
            }
            cameBack += back.size();
        }
        return new CampaignReport.Group(group.size(), cameBack, spend);
    }

    private List<RewardRow> rows(long id, RewardOutcome outcome) {
        return rewards.rowsOf(id, outcome).stream().map(row -> new RewardRow(number(row, "member_id").longValue(),
                toInstant(value(row, "triggered_at")), number(row, "coupon_id") == null ? null
                        : number(row, "coupon_id").longValue())).toList();
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Number number(Map<String, Object> row, String column) {
        return (Number) value(row, column);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return java.sql.Timestamp.valueOf(local).toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** One member's row: the 30 days after their trigger are [triggeredAt, triggeredAt + 30 days). */
    private record RewardRow(long memberId, Instant triggeredAt, Long couponId) {

        boolean within(Instant at) {
            return !at.isBefore(triggeredAt) && at.isBefore(triggeredAt.plus(AFTER));
        }
    }

    private Campaign load(long id) {
        Campaign campaign = campaigns.selectById(id);
        if (campaign == null) {
            throw new NotFoundException("Campaign", id);
        }
        return campaign;
    }

    private void check(CampaignCommand command) {
        if (command.templateId() != null) {
            CouponTemplateView template = templates.template(command.templateId());
            if (!template.enabled()) {
                throw new InvalidRequestException("templateId", "coupon template " + template.id() + " is disabled");
            }
        }
        if (command.levelCode() != null
                && members.levels().stream().noneMatch(level -> level.code().equals(command.levelCode()))) {
            throw new InvalidRequestException("levelCode", "no level " + command.levelCode());
        }
    }

    private static void write(Campaign campaign, CampaignCommand command) {
        campaign.setName(command.name());
        campaign.setTriggerKind(command.trigger());
        campaign.setSegment(command.segment());
        campaign.setLevelCode(command.levelCode());
        campaign.setTemplateId(command.templateId());
        campaign.setPoints(command.points());
        campaign.setBudget(command.budget());
        campaign.setStartsOn(command.startsOn());
        campaign.setEndsOn(command.endsOn());
        campaign.setEnabled(command.enabled());
        campaign.setHoldoutPercent(command.holdoutPercent());
    }

    private CampaignView view(Campaign c) {
        return new CampaignView(c.getId(), c.getName(), c.getTriggerKind(), c.getSegment(), c.getLevelCode(),
                c.getTemplateId(), c.getPoints(), c.getBudget(), c.getRewarded(), c.getStartsOn(), c.getEndsOn(),
                c.getEnabled(), c.getHoldoutPercent(), c.getCreatedBy(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
