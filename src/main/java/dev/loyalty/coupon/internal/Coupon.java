package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import dev.loyalty.coupon.CouponStatus;
import java.time.Instant;

/** A coupon a member holds. Its status changes only by compare-and-set from UNUSED. */
@TableName("coupon")
public class Coupon {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long templateId;
    private Long memberId;
    private String code;
    private CouponStatus status;
    private String redeemKey;
    private Long pointsPaid;
    private Long pointsEntryId;
    private Instant validFrom;
    private Instant validTo;
    private Instant usedAt;
    private Long storeId;
    private Long staffMemberId;
    private Instant revokedAt;
    private String orderNo;
    private Instant returnedAt;
    private Instant createdAt;

    public static Coupon issued(long templateId, long memberId, String code, String redeemKey, long pointsPaid,
            Long pointsEntryId, Instant validFrom, Instant validTo, Instant now) {
        Coupon coupon = new Coupon();
        coupon.templateId = templateId;
        coupon.memberId = memberId;
        coupon.code = code;
        coupon.status = CouponStatus.UNUSED;
        coupon.redeemKey = redeemKey;
        coupon.pointsPaid = pointsPaid;
        coupon.pointsEntryId = pointsEntryId;
        coupon.validFrom = validFrom;
        coupon.validTo = validTo;
        coupon.createdAt = now;
        return coupon;
    }

    /** The status as of {@code now}: an unused coupon past its validity reads EXPIRED before the job marks it. */
    public CouponStatus statusAt(Instant now) {
        return status == CouponStatus.UNUSED && !now.isBefore(validTo) ? CouponStatus.EXPIRED : status;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long templateId) { this.templateId = templateId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public CouponStatus getStatus() { return status; }
    public void setStatus(CouponStatus status) { this.status = status; }
    public String getRedeemKey() { return redeemKey; }
    public void setRedeemKey(String redeemKey) { this.redeemKey = redeemKey; }
    public Long getPointsPaid() { return pointsPaid; }
    public void setPointsPaid(Long pointsPaid) { this.pointsPaid = pointsPaid; }
    public Long getPointsEntryId() { return pointsEntryId; }
    public void setPointsEntryId(Long pointsEntryId) { this.pointsEntryId = pointsEntryId; }
    public Instant getValidFrom() { return validFrom; }
    public void setValidFrom(Instant validFrom) { this.validFrom = validFrom; }
    public Instant getValidTo() { return validTo; }
    public void setValidTo(Instant validTo) { this.validTo = validTo; }
    public Instant getUsedAt() { return usedAt; }
    public void setUsedAt(Instant usedAt) { this.usedAt = usedAt; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Long getStaffMemberId() { return staffMemberId; }
    public void setStaffMemberId(Long staffMemberId) { this.staffMemberId = staffMemberId; }
    public Instant getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Instant getReturnedAt() { return returnedAt; }
    public void setReturnedAt(Instant returnedAt) { this.returnedAt = returnedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
