package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import dev.loyalty.coupon.CouponType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A coupon template. {@code taken} moves only through guarded SQL (redeem, revoke), never through an
 * operator's save, so an edit cannot overwrite stock that members took meanwhile.
 */
@TableName("coupon_template")
public class CouponTemplate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private CouponType type;
    private Long thresholdCents;
    private Long discountCents;
    private Integer discountPercent;
    private Long maxDiscountCents;
    private Long pointsPrice;
    private Long totalStock;
    @TableField(updateStrategy = FieldStrategy.NEVER)
    private Long taken;
    private Integer perMemberLimit;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Integer validDays;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate validFrom;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private LocalDate validTo;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String storeIds;
    private Boolean enabled;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public CouponType getType() { return type; }
    public void setType(CouponType type) { this.type = type; }
    public Long getThresholdCents() { return thresholdCents; }
    public void setThresholdCents(Long thresholdCents) { this.thresholdCents = thresholdCents; }
    public Long getDiscountCents() { return discountCents; }
    public void setDiscountCents(Long discountCents) { this.discountCents = discountCents; }
    public Integer getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(Integer discountPercent) { this.discountPercent = discountPercent; }
    public Long getMaxDiscountCents() { return maxDiscountCents; }
    public void setMaxDiscountCents(Long maxDiscountCents) { this.maxDiscountCents = maxDiscountCents; }
    public Long getPointsPrice() { return pointsPrice; }
    public void setPointsPrice(Long pointsPrice) { this.pointsPrice = pointsPrice; }
    public Long getTotalStock() { return totalStock; }
    public void setTotalStock(Long totalStock) { this.totalStock = totalStock; }
    public Long getTaken() { return taken; }
    public void setTaken(Long taken) { this.taken = taken; }
    public Integer getPerMemberLimit() { return perMemberLimit; }
    public void setPerMemberLimit(Integer perMemberLimit) { this.perMemberLimit = perMemberLimit; }
    public Integer getValidDays() { return validDays; }
    public void setValidDays(Integer validDays) { this.validDays = validDays; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getStoreIds() { return storeIds; }
    public void setStoreIds(String storeIds) { this.storeIds = storeIds; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
