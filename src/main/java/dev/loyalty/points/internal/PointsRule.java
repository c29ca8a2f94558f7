package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.time.Instant;

/** The single row of the points rule (id 1). */
@TableName("points_rule")
public class PointsRule {

    public static final long ID = 1L;

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long pointsPerYuan;
    private Integer expiryDays;
    private Long pointsPerYuanRedeem;
    private Integer maxPointsPercent;
    @Version
    private Long version;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getPointsPerYuan() { return pointsPerYuan; }
    public void setPointsPerYuan(Long pointsPerYuan) { this.pointsPerYuan = pointsPerYuan; }
    public Integer getExpiryDays() { return expiryDays; }
    public void setExpiryDays(Integer expiryDays) { this.expiryDays = expiryDays; }
    public Long getPointsPerYuanRedeem() { return pointsPerYuanRedeem; }
    public void setPointsPerYuanRedeem(Long pointsPerYuanRedeem) { this.pointsPerYuanRedeem = pointsPerYuanRedeem; }
    public Integer getMaxPointsPercent() { return maxPointsPercent; }
    public void setMaxPointsPercent(Integer maxPointsPercent) { this.maxPointsPercent = maxPointsPercent; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
