package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.time.Instant;

/** The single row of the rebate policy (id 1); tiers are kept as JSON. */
@TableName("rebate_policy")
public class RebatePolicyRow {

    public static final long ID = 1L;

    @TableId(type = IdType.INPUT)
    private Long id;
    private String periodType;
    private String creditAs;
    private Boolean autoApprove;
    private String tiers;
    @Version
    private Long version;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getPeriodType() { return periodType; }
    public void setPeriodType(String periodType) { this.periodType = periodType; }
    public String getCreditAs() { return creditAs; }
    public void setCreditAs(String creditAs) { this.creditAs = creditAs; }
    public Boolean getAutoApprove() { return autoApprove; }
    public void setAutoApprove(Boolean autoApprove) { this.autoApprove = autoApprove; }
    public String getTiers() { return tiers; }
    public void setTiers(String tiers) { this.tiers = tiers; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
