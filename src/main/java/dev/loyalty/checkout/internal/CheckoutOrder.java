package dev.loyalty.checkout.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A checkout at a counter, unique per store and order number. Refunds move it only through guarded SQL. */
@TableName("checkout_order")
public class CheckoutOrder {

    public static final String PAID = "PAID";
    public static final String PARTLY_REFUNDED = "PARTLY_REFUNDED";
    public static final String REFUNDED = "REFUNDED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long storeId;
    private String orderNo;
    private Long memberId;
    private Long staffMemberId;
    private Long amountCents;
    private String couponCode;
    private Long couponId;
    private Long couponDiscountCents;
    private Long pointsRequested;
    private Long pointsUsed;
    private Long pointsDiscountCents;
    private Long pointsEntryId;
    private Long payableCents;
    private Long pointsEarned;
    private Long pointsBalance;
    private Long refundedCents;
    private Long pointsReturned;
    private Long pointsReversed;
    private String status;
    private Instant createdAt;
    private Instant updatedAt;

    public static CheckoutOrder opened(long storeId, String orderNo, long memberId, long staffMemberId, long amountCents,
            String couponCode, long pointsRequested, Instant now) {
        CheckoutOrder order = new CheckoutOrder();
        order.storeId = storeId;
        order.orderNo = orderNo;
        order.memberId = memberId;
        order.staffMemberId = staffMemberId;
        order.amountCents = amountCents;
        order.couponCode = couponCode;
        order.couponDiscountCents = 0L;
        order.pointsRequested = pointsRequested;
        order.pointsUsed = 0L;
        order.pointsDiscountCents = 0L;
        order.payableCents = amountCents;
        order.pointsEarned = 0L;
        order.pointsBalance = 0L;
        order.refundedCents = 0L;
        order.pointsReturned = 0L;
        order.pointsReversed = 0L;
        order.status = PAID;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getStaffMemberId() { return staffMemberId; }
    public void setStaffMemberId(Long staffMemberId) { this.staffMemberId = staffMemberId; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long amountCents) { this.amountCents = amountCents; }
    public String getCouponCode() { return couponCode; }
    public void setCouponCode(String couponCode) { this.couponCode = couponCode; }
    public Long getCouponId() { return couponId; }
    public void setCouponId(Long couponId) { this.couponId = couponId; }
    public Long getCouponDiscountCents() { return couponDiscountCents; }
    public void setCouponDiscountCents(Long couponDiscountCents) { this.couponDiscountCents = couponDiscountCents; }
    public Long getPointsRequested() { return pointsRequested; }
    public void setPointsRequested(Long pointsRequested) { this.pointsRequested = pointsRequested; }
    public Long getPointsUsed() { return pointsUsed; }
    public void setPointsUsed(Long pointsUsed) { this.pointsUsed = pointsUsed; }
    public Long getPointsDiscountCents() { return pointsDiscountCents; }
    public void setPointsDiscountCents(Long pointsDiscountCents) { this.pointsDiscountCents = pointsDiscountCents; }
    public Long getPointsEntryId() { return pointsEntryId; }
    public void setPointsEntryId(Long pointsEntryId) { this.pointsEntryId = pointsEntryId; }
    public Long getPayableCents() { return payableCents; }
    public void setPayableCents(Long payableCents) { this.payableCents = payableCents; }
    public Long getPointsEarned() { return pointsEarned; }
    public void setPointsEarned(Long pointsEarned) { this.pointsEarned = pointsEarned; }
    public Long getPointsBalance() { return pointsBalance; }
    public void setPointsBalance(Long pointsBalance) { this.pointsBalance = pointsBalance; }
    public Long getRefundedCents() { return refundedCents; }
    public void setRefundedCents(Long refundedCents) { this.refundedCents = refundedCents; }
    public Long getPointsReturned() { return pointsReturned; }
    public void setPointsReturned(Long pointsReturned) { this.pointsReturned = pointsReturned; }
    public Long getPointsReversed() { return pointsReversed; }
    public void setPointsReversed(Long pointsReversed) { this.pointsReversed = pointsReversed; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
