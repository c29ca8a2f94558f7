package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SignInRecordMapper extends BaseMapper<SignInRecord> {

    default Optional<SignInRecord> find(long memberId, LocalDate date) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<SignInRecord>()
                .eq(SignInRecord::getMemberId, memberId)
                .eq(SignInRecord::getSignDate, date)));
    }

    default List<SignInRecord> between(long memberId, LocalDate from, LocalDate to) {
        return selectList(new LambdaQueryWrapper<SignInRecord>()
                .eq(SignInRecord::getMemberId, memberId)
                .ge(SignInRecord::getSignDate, from)
                .le(SignInRecord::getSignDate, to)
                .orderByAsc(SignInRecord::getSignDate));
    }

    default long makeupsBetween(long memberId, LocalDate from, LocalDate to) {
        return selectCount(new LambdaQueryWrapper<SignInRecord>()
                .eq(SignInRecord::getMemberId, memberId)
                .eq(SignInRecord::getMakeup, true)
                .ge(SignInRecord::getSignDate, from)
                .le(SignInRecord::getSignDate, to));
    }

    default List<SignInRecord> on(LocalDate date) {
        return selectList(new LambdaQueryWrapper<SignInRecord>().eq(SignInRecord::getSignDate, date));
    }

    /** Streaks are derived: a makeup that joins two runs renumbers the later one. Points stay as earned. */
    @Update("UPDATE signin_record SET streak = #{streak} WHERE id = #{id}")
    int renumber(@Param("id") long id, @Param("streak") int streak);

    @Update("UPDATE signin_record SET points_entry_id = #{entryId} WHERE id = #{id}")
    int linkPoints(@Param("id") long id, @Param("entryId") long entryId);
}
