package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SignInStateMapper extends BaseMapper<SignInState> {

    @Select("SELECT * FROM signin_state WHERE member_id = #{memberId} FOR UPDATE")
    SignInState selectForUpdate(@Param("memberId") long memberId);

    @Insert("INSERT INTO signin_state (member_id, last_date, streak) VALUES (#{memberId}, #{lastDate}, #{streak})")
    int add(SignInState state);

    @Update("UPDATE signin_state SET last_date = #{lastDate}, streak = #{streak} WHERE member_id = #{memberId}")
    int advance(@Param("memberId") long memberId, @Param("lastDate") LocalDate lastDate, @Param("streak") int streak);
}
