package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;

@Mapper
public interface SignInStateMapper extends BaseMapper<SignInState> {

    @Select("SELECT * FROM signin_state WHERE member_id = #{memberId} FOR UPDATE")
    SignInState selectForUpdate(@Param("memberId") long memberId);

    /** Locks the member's state row until the transaction ends, creating it on first use. */
    default SignInState lock(long memberId) {
        SignInState state = selectForUpdate(memberId);
        if (state != null) {
            return state;
        }
        try {
            insert(SignInState.fresh(memberId));
        } catch (DuplicateKeyException createdConcurrently) {
            // the row the other transaction created is the one we lock next
        }
        return selectForUpdate(memberId);
    }

    @Update("UPDATE signin_state SET last_date = #{lastDate}, streak = #{streak} WHERE member_id = #{memberId}")
    int advance(@Param("memberId") long memberId, @Param("lastDate") LocalDate lastDate, @Param("streak") int streak);
}
