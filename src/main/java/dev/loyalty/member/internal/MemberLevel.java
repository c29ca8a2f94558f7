package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("member_level")
public class MemberLevel {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String code;
    private String name;
    private Long minGrowth;
    private Integer pointsMultiplierPercent;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getMinGrowth() { return minGrowth; }
    public void setMinGrowth(Long minGrowth) { this.minGrowth = minGrowth; }
    public Integer getPointsMultiplierPercent() { return pointsMultiplierPercent; }
    public void setPointsMultiplierPercent(Integer pointsMultiplierPercent) { this.pointsMultiplierPercent = pointsMultiplierPercent; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
