package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;

/** A member's last signed date and the streak through it; its row lock queues the member's sign-ins. */
@TableName("signin_state")
public class SignInState {

    @TableId(type = IdType.INPUT)
    private Long memberId;
    private LocalDate lastDate;
    private Integer streak;

    public static SignInState fresh(long memberId) {
        SignInState state = new SignInState();
        state.memberId = memberId;
        state.streak = 0;
        return state;
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public LocalDate getLastDate() { return lastDate; }
    public void setLastDate(LocalDate lastDate) { this.lastDate = lastDate; }
    public Integer getStreak() { return streak; }
    public void setStreak(Integer streak) { this.streak = streak; }
}
