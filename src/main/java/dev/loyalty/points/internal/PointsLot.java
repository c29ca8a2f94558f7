package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** Points that entered the balance together and expire together; spends take from the first to expire. */
@TableName("points_lot")
public class PointsLot {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private Long entryId;
    private Long amount;
    private Long remaining;
    private Instant earnedAt;
    private Instant expiresAt;

    static PointsLot of(long memberId, long entryId, long amount, Instant earnedAt, Instant expiresAt) {
        PointsLot lot = new PointsLot();
        lot.memberId = memberId;
        lot.entryId = entryId;
        lot.amount = amount;
        lot.remaining = amount;
        lot.earnedAt = earnedAt;
        lot.expiresAt = expiresAt;
        return lot;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getEntryId() { return entryId; }
    public void setEntryId(Long entryId) { this.entryId = entryId; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
    public Long getRemaining() { return remaining; }
    public void setRemaining(Long remaining) { this.remaining = remaining; }
    public Instant getEarnedAt() { return earnedAt; }
    public void setEarnedAt(Instant earnedAt) { this.earnedAt = earnedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
}
