package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A bonus credit (its ledger row) that lapses at {@code expiresAt}: OPEN, then LAPSED once. */
@TableName("wallet_bonus_expiry")
public class WalletBonusExpiry {

    @TableId(type = IdType.INPUT)
    private Long entryId;
    private Long memberId;
    private Long cents;
    private Instant expiresAt;
    private String status;
    private Long lapsedCents;
    private Long lapsedEntryId;
    private Instant lapsedAt;

    public Long getEntryId() { return entryId; }
    public void setEntryId(Long entryId) { this.entryId = entryId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getCents() { return cents; }
    public void setCents(Long cents) { this.cents = cents; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getLapsedCents() { return lapsedCents; }
    public void setLapsedCents(Long lapsedCents) { this.lapsedCents = lapsedCents; }
    public Long getLapsedEntryId() { return lapsedEntryId; }
    public void setLapsedEntryId(Long lapsedEntryId) { this.lapsedEntryId = lapsedEntryId; }
    public Instant getLapsedAt() { return lapsedAt; }
    public void setLapsedAt(Instant lapsedAt) { this.lapsedAt = lapsedAt; }
}
