package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One cash-out: the principal that left (refunded to WeChat Pay and paid in cash) and the bonus forfeited. */
@TableName("wallet_cash_out")
public class WalletCashOut {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private Long principalCents;
    private Long bonusForfeitedCents;
    private Long refundedCents;
    private Long cashCents;
    private String actorType;
    private Long actorId;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getPrincipalCents() { return principalCents; }
    public void setPrincipalCents(Long principalCents) { this.principalCents = principalCents; }
    public Long getBonusForfeitedCents() { return bonusForfeitedCents; }
    public void setBonusForfeitedCents(Long bonusForfeitedCents) { this.bonusForfeitedCents = bonusForfeitedCents; }
    public Long getRefundedCents() { return refundedCents; }
    public void setRefundedCents(Long refundedCents) { this.refundedCents = refundedCents; }
    public Long getCashCents() { return cashCents; }
    public void setCashCents(Long cashCents) { this.cashCents = cashCents; }
    public String getActorType() { return actorType; }
    public void setActorType(String actorType) { this.actorType = actorType; }
    public Long getActorId() { return actorId; }
    public void setActorId(Long actorId) { this.actorId = actorId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
