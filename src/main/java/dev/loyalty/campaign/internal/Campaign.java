package dev.loyalty.campaign.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import dev.loyalty.campaign.CampaignTrigger;
import dev.loyalty.member.Segment;
import java.time.Instant;
import java.time.LocalDate;

/** A campaign. Operators' edits write its columns by name; {@code rewarded} moves only by the guarded increment. */
@TableName("campaign")
public class Campaign {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private CampaignTrigger triggerKind;
    private Segment segment;
    private String levelCode;
    private Long templateId;
    private Long points;
    private Long budget;
    private Long rewarded;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Boolean enabled;
    private Integer holdoutPercent;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    /** Whether the campaign rewards on {@code day}: switched on, within its dates, budget left. */
    public boolean runsOn(LocalDate day) {
        return Boolean.TRUE.equals(enabled) && !day.isBefore(startsOn) && !day.isAfter(endsOn) && rewarded < budget;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public CampaignTrigger getTriggerKind() { return triggerKind; }
    public void setTriggerKind(CampaignTrigger triggerKind) { this.triggerKind = triggerKind; }
    public Segment getSegment() { return segment; }
    public void setSegment(Segment segment) { this.segment = segment; }
    public String getLevelCode() { return levelCode; }
    public void setLevelCode(String levelCode) { this.levelCode = levelCode; }
    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long templateId) { this.templateId = templateId; }
    public Long getPoints() { return points; }
    public void setPoints(Long points) { this.points = points; }
    public Long getBudget() { return budget; }
    public void setBudget(Long budget) { this.budget = budget; }
    public Long getRewarded() { return rewarded; }
    public void setRewarded(Long rewarded) { this.rewarded = rewarded; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public Integer getHoldoutPercent() { return holdoutPercent; }
    public void setHoldoutPercent(Integer holdoutPercent) { this.holdoutPercent = holdoutPercent; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
