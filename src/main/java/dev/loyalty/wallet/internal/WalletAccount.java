package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("wallet_account")
public class WalletAccount {

    @TableId(type = IdType.INPUT)
    private Long memberId;
    private Long principalCents;
    private Long bonusCents;
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;

    public static WalletAccount empty(long memberId, Instant now) {
        WalletAccount account = new WalletAccount();
        account.memberId = memberId;
        account.principalCents = 0L;
        account.bonusCents = 0L;
        account.version = 0L;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    public long balanceCents() {
        return principalCents + bonusCents;
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getPrincipalCents() { return principalCents; }
    public void setPrincipalCents(Long principalCents) { this.principalCents = principalCents; }
    public Long getBonusCents() { return bonusCents; }
    public void setBonusCents(Long bonusCents) { this.bonusCents = bonusCents; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
}
