package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** One signed date of one member. {@code streak} is the run of consecutive dates ending at it. */
@TableName("signin_record")
public class SignInRecord {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private LocalDate signDate;
    private Integer streak;
    private Long points;
    private Long bonusPoints;
    private Boolean makeup;
    private Long makeupCost;
    private Long pointsEntryId;
    private Instant createdAt;

    public static SignInRecord of(long memberId, LocalDate date, int streak, long points, long bonusPoints,
            boolean makeup, long makeupCost, Instant now) {
        SignInRecord record = new SignInRecord();
        record.memberId = memberId;
        record.signDate = date;
        record.streak = streak;
        record.points = points;
        record.bonusPoints = bonusPoints;
        record.makeup = makeup;
        record.makeupCost = makeupCost;
        record.createdAt = now;
        return record;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public LocalDate getSignDate() { return signDate; }
    public void setSignDate(LocalDate signDate) { this.signDate = signDate; }
    public Integer getStreak() { return streak; }
    public void setStreak(Integer streak) { this.streak = streak; }
    public Long getPoints() { return points; }
    public void setPoints(Long points) { this.points = points; }
    public Long getBonusPoints() { return bonusPoints; }
    public void setBonusPoints(Long bonusPoints) { this.bonusPoints = bonusPoints; }
    public Boolean getMakeup() { return makeup; }
    public void setMakeup(Boolean makeup) { this.makeup = makeup; }
    public Long getMakeupCost() { return makeupCost; }
    public void setMakeupCost(Long makeupCost) { this.makeupCost = makeupCost; }
    public Long getPointsEntryId() { return pointsEntryId; }
    public void setPointsEntryId(Long pointsEntryId) { this.pointsEntryId = pointsEntryId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
