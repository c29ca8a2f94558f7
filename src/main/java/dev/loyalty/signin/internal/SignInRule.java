package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.time.Instant;

/** The single row of the sign-in rule (id 1); streak bonuses are kept as JSON. */
@TableName("signin_rule")
public class SignInRule {

    public static final long ID = 1L;

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long basePoints;
    private Integer cycleDays;
    private String streakBonuses;
    private Boolean makeupEnabled;
    private Integer makeupWindowDays;
    private Integer makeupMonthlyLimit;
    private Long makeupCostPoints;
    private Long birthdayBonusPoints;
    @Version
    private Long version;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getBasePoints() { return basePoints; }
    public void setBasePoints(Long basePoints) { this.basePoints = basePoints; }
    public Integer getCycleDays() { return cycleDays; }
    public void setCycleDays(Integer cycleDays) { this.cycleDays = cycleDays; }
    public String getStreakBonuses() { return streakBonuses; }
    public void setStreakBonuses(String streakBonuses) { this.streakBonuses = streakBonuses; }
    public Boolean getMakeupEnabled() { return makeupEnabled; }
    public void setMakeupEnabled(Boolean makeupEnabled) { this.makeupEnabled = makeupEnabled; }
    public Integer getMakeupWindowDays() { return makeupWindowDays; }
    public void setMakeupWindowDays(Integer makeupWindowDays) { this.makeupWindowDays = makeupWindowDays; }
    public Integer getMakeupMonthlyLimit() { return makeupMonthlyLimit; }
    public void setMakeupMonthlyLimit(Integer makeupMonthlyLimit) { this.makeupMonthlyLimit = makeupMonthlyLimit; }
    public Long getMakeupCostPoints() { return makeupCostPoints; }
    public void setMakeupCostPoints(Long makeupCostPoints) { this.makeupCostPoints = makeupCostPoints; }
    public Long getBirthdayBonusPoints() { return birthdayBonusPoints; }
    public void setBirthdayBonusPoints(Long birthdayBonusPoints) { this.birthdayBonusPoints = birthdayBonusPoints; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
