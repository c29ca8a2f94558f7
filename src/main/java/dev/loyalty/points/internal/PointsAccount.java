package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A member's points balance and running totals; balance = earned - spent - expired, always. */
@TableName("points_account")
public class PointsAccount {

    @TableId(type = IdType.INPUT)
    private Long memberId;
    private Long balance;
    private Long totalEarned;
    private Long totalSpent;
    private Long totalExpired;
    private Instant nextExpiryAt;
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;

    public static PointsAccount empty(long memberId, Instant now) {
        PointsAccount account = new PointsAccount();
        account.memberId = memberId;
        account.balance = 0L;
        account.totalEarned = 0L;
        account.totalSpent = 0L;
        account.totalExpired = 0L;
        account.version = 0L;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getBalance() { return balance; }
    public void setBalance(Long balance) { this.balance = balance; }
    public Long getTotalEarned() { return totalEarned; }
    public void setTotalEarned(Long totalEarned) { this.totalEarned = totalEarned; }
    public Long getTotalSpent() { return totalSpent; }
    public void setTotalSpent(Long totalSpent) { this.totalSpent = totalSpent; }
    public Long getTotalExpired() { return totalExpired; }
    public void setTotalExpired(Long totalExpired) { this.totalExpired = totalExpired; }
    public Instant getNextExpiryAt() { return nextExpiryAt; }
    public void setNextExpiryAt(Instant nextExpiryAt) { this.nextExpiryAt = nextExpiryAt; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
}
