package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One member's rebate for one period (unique); PENDING until credited. */
@TableName("rebate")
public class Rebate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private String period;
    private Long spentCents;
    private Integer ratePercent;
    private Long rebateCents;
    private String creditAs;
    private String status;
    private Instant createdAt;
    private Instant creditedAt;
    private String rejectReason;
    private Instant rejectedAt;
    private Long policyVersion;
    private Boolean capped;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public Long getSpentCents() { return spentCents; }
    public void setSpentCents(Long spentCents) { this.spentCents = spentCents; }
    public Integer getRatePercent() { return ratePercent; }
    public void setRatePercent(Integer ratePercent) { this.ratePercent = ratePercent; }
    public Long getRebateCents() { return rebateCents; }
    public void setRebateCents(Long rebateCents) { this.rebateCents = rebateCents; }
    public String getCreditAs() { return creditAs; }
    public void setCreditAs(String creditAs) { this.creditAs = creditAs; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getCreditedAt() { return creditedAt; }
    public void setCreditedAt(Instant creditedAt) { this.creditedAt = creditedAt; }

    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
    public Instant getRejectedAt() { return rejectedAt; }
    public void setRejectedAt(Instant rejectedAt) { this.rejectedAt = rejectedAt; }
    public Long getPolicyVersion() { return policyVersion; }
    public void setPolicyVersion(Long policyVersion) { this.policyVersion = policyVersion; }
    public Boolean getCapped() { return capped; }
    public void setCapped(Boolean capped) { this.capped = capped; }
}
