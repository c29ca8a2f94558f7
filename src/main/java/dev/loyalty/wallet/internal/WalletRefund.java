package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/**
 * A refund of part of a WeChat Pay top-up at cash-out: PENDING (not asked yet), PROCESSING (WeChat Pay took it),
 * SUCCESS, FAILED (the call failed: asked again by the retry job, with the same refund number) or ABNORMAL
 * (WeChat Pay could not pay it back: a person must).
 */
@TableName("wallet_refund")
public class WalletRefund {

    public static final String PENDING = "PENDING";
    public static final String PROCESSING = "PROCESSING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long cashOutId;
    private Long memberId;
    private String refundNo;
    private String orderNo;
    private Long amountCents;
    private Long orderTotalCents;
    private String status;
    private Integer attempts;
    private String lastError;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant refundedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCashOutId() { return cashOutId; }
    public void setCashOutId(Long cashOutId) { this.cashOutId = cashOutId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getRefundNo() { return refundNo; }
    public void setRefundNo(String refundNo) { this.refundNo = refundNo; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long amountCents) { this.amountCents = amountCents; }
    public Long getOrderTotalCents() { return orderTotalCents; }
    public void setOrderTotalCents(Long orderTotalCents) { this.orderTotalCents = orderTotalCents; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getRefundedAt() { return refundedAt; }
    public void setRefundedAt(Instant refundedAt) { this.refundedAt = refundedAt; }
}
