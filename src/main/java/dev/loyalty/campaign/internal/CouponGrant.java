package dev.loyalty.campaign.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import dev.loyalty.campaign.GrantStatus;
import dev.loyalty.campaign.GrantTargetKind;
import java.time.Instant;

/** A grant an operator started; its counts and cursor move only by the job's column updates. */
@TableName("campaign_grant")
public class CouponGrant {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String idempotencyKey;
    private String payloadHash;
    private Long templateId;
    private Long points;
    private String reason;
    private GrantTargetKind targetKind;
    private String targetValue;
    private GrantStatus status;
    private Long targeted;
    private Long issued;
    private Long skipped;
    private Long failed;
    private Long cursorMemberId;
    private Integer runErrors;
    private String lastError;
    private Long createdBy;
    private Instant createdAt;
    private Instant finishedAt;

    public static CouponGrant started(String key, String payloadHash, Long templateId, Long points, String reason,
            GrantTargetKind kind, String targetValue, long targeted, long createdBy, Instant now) {
        CouponGrant grant = new CouponGrant();
        grant.idempotencyKey = key;
        grant.payloadHash = payloadHash;
        grant.templateId = templateId;
        grant.points = points;
        grant.reason = reason;
        grant.targetKind = kind;
        grant.targetValue = targetValue;
        grant.status = GrantStatus.RUNNING;
        grant.targeted = targeted;
        grant.issued = 0L;
        grant.skipped = 0L;
        grant.failed = 0L;
        grant.cursorMemberId = 0L;
        grant.runErrors = 0;
        grant.createdBy = createdBy;
        grant.createdAt = now;
        return grant;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getPayloadHash() { return payloadHash; }
    public void setPayloadHash(String payloadHash) { this.payloadHash = payloadHash; }
    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long templateId) { this.templateId = templateId; }
    public Long getPoints() { return points; }
    public void setPoints(Long points) { this.points = points; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public GrantTargetKind getTargetKind() { return targetKind; }
    public void setTargetKind(GrantTargetKind targetKind) { this.targetKind = targetKind; }
    public String getTargetValue() { return targetValue; }
    public void setTargetValue(String targetValue) { this.targetValue = targetValue; }
    public GrantStatus getStatus() { return status; }
    public void setStatus(GrantStatus status) { this.status = status; }
    public Long getTargeted() { return targeted; }
    public void setTargeted(Long targeted) { this.targeted = targeted; }
    public Long getIssued() { return issued; }
    public void setIssued(Long issued) { this.issued = issued; }
    public Long getSkipped() { return skipped; }
    public void setSkipped(Long skipped) { this.skipped = skipped; }
    public Long getFailed() { return failed; }
    public void setFailed(Long failed) { this.failed = failed; }
    public Long getCursorMemberId() { return cursorMemberId; }
    public void setCursorMemberId(Long cursorMemberId) { this.cursorMemberId = cursorMemberId; }
    public Integer getRunErrors() { return runErrors; }
    public void setRunErrors(Integer runErrors) { this.runErrors = runErrors; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
}
