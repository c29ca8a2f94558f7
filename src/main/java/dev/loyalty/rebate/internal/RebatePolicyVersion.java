package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One version of the rebate policy, in force from {@code effectiveFrom}; never changed once written. Tiers as JSON. */
@TableName("rebate_policy_version")
public class RebatePolicyVersion {

    @TableId(type = IdType.INPUT)
    private Long version;
    private String periodType;
    private String creditAs;
    private Boolean autoApprove;
    private String tiers;
    private Long maxCents;
    private Integer expiresDays;
    private Long remindWithinCents;
    private Integer remindDaysBefore;
    private Instant effectiveFrom;
    private Instant createdAt;

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getPeriodType() { return periodType; }
    public void setPeriodType(String periodType) { this.periodType = periodType; }
    public String getCreditAs() { return creditAs; }
    public void setCreditAs(String creditAs) { this.creditAs = creditAs; }
    public Boolean getAutoApprove() { return autoApprove; }
    public void setAutoApprove(Boolean autoApprove) { this.autoApprove = autoApprove; }
    public String getTiers() { return tiers; }
    public void setTiers(String tiers) { this.tiers = tiers; }
    public Long getMaxCents() { return maxCents; }
    public void setMaxCents(Long maxCents) { this.maxCents = maxCents; }
    public Integer getExpiresDays() { return expiresDays; }
    public void setExpiresDays(Integer expiresDays) { this.expiresDays = expiresDays; }
    public Long getRemindWithinCents() { return remindWithinCents; }
    public void setRemindWithinCents(Long remindWithinCents) { this.remindWithinCents = remindWithinCents; }
    public Integer getRemindDaysBefore() { return remindDaysBefore; }
    public void setRemindDaysBefore(Integer remindDaysBefore) { this.remindDaysBefore = remindDaysBefore; }
    public Instant getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(Instant effectiveFrom) { this.effectiveFrom = effectiveFrom; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
