package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SignInStateMapper extends BaseMapper<SignInState> {

    @Select("SELECT * FROM signin_state WHERE member_id = #{memberId} FOR UPDATE")
    SignInState selectForUpdate(@Param("memberId") long memberId);

    /**
     * Locks the member's state row until the transaction ends, creating it on first use (the new row is
     * locked by its insert). A first use that races another fails with a duplicate key.
     */
    default SignInState lock(long memberId) {
        SignInState state = selectForUpdate(memberId);
        if (state != null) {
            return state;
        }
        SignInState fresh = SignInState.fresh(memberId);
        insert(fresh);
        return fresh;
    }

    @Update("UPDATE signin_state SET last_date = #{lastDate}, streak = #{streak} WHERE member_id = #{memberId}")
    int advance(@Param("memberId") long memberId, @Param("lastDate") LocalDate lastDate, @Param("streak") int streak);
}
