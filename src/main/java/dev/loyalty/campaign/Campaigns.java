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
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' campaigns: written and read here, run by the triggers and the daily {@code campaigns} job.
 * An edit writes the operator's columns by name and never {@code rewarded}, which only rewards move.
 */
@Service
public class Campaigns {

    private final CampaignMapper campaigns;
    private final CampaignRewardMapper rewards;
    private final CouponTemplates templates;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(CampaignMapper campaigns, CampaignRewardMapper rewards, CouponTemplates templates, MemberService members,
            AuditTrail audit, Clock clock) {
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

    /** How many members the campaign rewarded, held out and skipped. */
    @Transactional(readOnly = true)
    public CampaignReport report(long id) {
        load(id);
        long[] counts = new long[RewardOutcome.values().length];
        for (Map<String, Object> row : rewards.countByOutcome(id)) {
            String outcome = null;
            long n = 0;
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (column.getKey().equalsIgnoreCase("outcome")) {
                    outcome = String.valueOf(column.getValue());
                } else {
                    n = ((Number) column.getValue()).longValue();
                }
            }
            counts[RewardOutcome.valueOf(outcome).ordinal()] = n;
        }
        return new CampaignReport(id, counts[RewardOutcome.REWARDED.ordinal()], counts[RewardOutcome.HELD_OUT.ordinal()],
                counts[RewardOutcome.SKIPPED.ordinal()]);
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
