package dev.loyalty.counter.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A purchase recorded at a counter, unique per store and order number. */
@TableName("counter_purchase")
public class Purchase {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long storeId;
    private String orderNo;
    private Long memberId;
    private Long amountCents;
    private Long pointsAwarded;
    private Long pointsEntryId;
    private Long refundedCents;
    private Long pointsReversed;
    private Long staffMemberId;
    /** A {@link dev.loyalty.counter.PurchasePaidBy} name. */
    private String paidBy;
    private Instant createdAt;

    public static Purchase of(long storeId, String orderNo, long memberId, long amountCents, long staffMemberId,
            Instant now) {
        Purchase purchase = new Purchase();
        purchase.storeId = storeId;
        purchase.orderNo = orderNo;
        purchase.memberId = memberId;
        purchase.amountCents = amountCents;
        purchase.pointsAwarded = 0L;
        purchase.refundedCents = 0L;
        purchase.pointsReversed = 0L;
        purchase.staffMemberId = staffMemberId;
        purchase.paidBy = "COUNTER";
        purchase.createdAt = now;
        return purchase;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long amountCents) { this.amountCents = amountCents; }
    public Long getPointsAwarded() { return pointsAwarded; }
    public void setPointsAwarded(Long pointsAwarded) { this.pointsAwarded = pointsAwarded; }
    public Long getPointsEntryId() { return pointsEntryId; }
    public void setPointsEntryId(Long pointsEntryId) { this.pointsEntryId = pointsEntryId; }
    public Long getRefundedCents() { return refundedCents; }
    public void setRefundedCents(Long refundedCents) { this.refundedCents = refundedCents; }
    public Long getPointsReversed() { return pointsReversed; }
    public void setPointsReversed(Long pointsReversed) { this.pointsReversed = pointsReversed; }
    public String getPaidBy() { return paidBy; }
    public void setPaidBy(String paidBy) { this.paidBy = paidBy; }
    public Long getStaffMemberId() { return staffMemberId; }
    public void setStaffMemberId(Long staffMemberId) { this.staffMemberId = staffMemberId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
