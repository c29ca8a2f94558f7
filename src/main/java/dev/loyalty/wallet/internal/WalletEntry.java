package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import dev.loyalty.wallet.WalletEntryType;
import java.time.Instant;

/** One immutable row of the wallet ledger. */
@TableName("wallet_entry")
public class WalletEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private WalletEntryType type;
    private Long deltaCents;
    private Long principalDeltaCents;
    private Long bonusDeltaCents;
    private Long balanceAfterCents;
    private String idempotencyKey;
    private String orderNo;
    private Long storeId;
    private Long staffMemberId;
    private Long planId;
    private Long reversesId;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public WalletEntryType getType() { return type; }
    public void setType(WalletEntryType type) { this.type = type; }
    public Long getDeltaCents() { return deltaCents; }
    public void setDeltaCents(Long deltaCents) { this.deltaCents = deltaCents; }
    public Long getPrincipalDeltaCents() { return principalDeltaCents; }
    public void setPrincipalDeltaCents(Long principalDeltaCents) { this.principalDeltaCents = principalDeltaCents; }
    public Long getBonusDeltaCents() { return bonusDeltaCents; }
    public void setBonusDeltaCents(Long bonusDeltaCents) { this.bonusDeltaCents = bonusDeltaCents; }
    public Long getBalanceAfterCents() { return balanceAfterCents; }
    public void setBalanceAfterCents(Long balanceAfterCents) { this.balanceAfterCents = balanceAfterCents; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Long getStaffMemberId() { return staffMemberId; }
    public void setStaffMemberId(Long staffMemberId) { this.staffMemberId = staffMemberId; }
    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public Long getReversesId() { return reversesId; }
    public void setReversesId(Long reversesId) { this.reversesId = reversesId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
