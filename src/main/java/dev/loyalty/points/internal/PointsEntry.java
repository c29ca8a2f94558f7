package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import dev.loyalty.points.PointsEntryType;
import dev.loyalty.points.PointsSource;
import java.time.Instant;

/** One immutable row of the points ledger. */
@TableName("points_entry")
public class PointsEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private Long delta;
    private Long balanceAfter;
    private PointsEntryType type;
    private PointsSource source;
    private String idempotencyKey;
    private String reference;
    private Long reversesId;
    private String remark;
    private Instant createdAt;

    static PointsEntry of(long memberId, long delta, long balanceAfter, PointsPosting posting, Instant now) {
        PointsEntry entry = new PointsEntry();
        entry.memberId = memberId;
        entry.delta = delta;
        entry.balanceAfter = balanceAfter;
        entry.type = posting.type();
        entry.source = posting.source();
        entry.idempotencyKey = posting.key();
        entry.reference = posting.reference();
        entry.reversesId = posting.reversesId();
        entry.remark = posting.remark();
        entry.createdAt = now;
        return entry;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getDelta() { return delta; }
    public void setDelta(Long delta) { this.delta = delta; }
    public Long getBalanceAfter() { return balanceAfter; }
    public void setBalanceAfter(Long balanceAfter) { this.balanceAfter = balanceAfter; }
    public PointsEntryType getType() { return type; }
    public void setType(PointsEntryType type) { this.type = type; }
    public PointsSource getSource() { return source; }
    public void setSource(PointsSource source) { this.source = source; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public Long getReversesId() { return reversesId; }
    public void setReversesId(Long reversesId) { this.reversesId = reversesId; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
