package dev.loyalty.signin.internal;

import org.apache.ibatis.annotations.Select;
import java.util.Map;
import java.time.Instant;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SignInRecordMapper extends BaseMapper<SignInRecord> {

    @Select("""
            SELECT id, member_id, sign_date, streak, points, bonus_points, makeup, makeup_cost, points_entry_id, created_at
              FROM signin_record WHERE member_id = #{memberId} AND sign_date = #{date}
            """)
    Optional<SignInRecord> find(@Param("memberId") long memberId, @Param("date") LocalDate date);

    /** The hot path's insert, written out: no per-call SQL building. */
    @Insert("""
            INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, makeup, makeup_cost,
                                       points_entry_id, created_at)
            VALUES (#{memberId}, #{signDate}, #{streak}, #{points}, #{bonusPoints}, #{makeup}, #{makeupCost},
                    #{pointsEntryId}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int add(SignInRecord record);

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

    /** The live streaks (signed today or yesterday), longest first: the leaderboard, read from MySQL while Redis is away. */
    @Select("""
            SELECT member_id, MAX(streak) AS streak FROM signin_record
             WHERE sign_date IN (#{today}, #{yesterday})
             GROUP BY member_id ORDER BY streak DESC, member_id LIMIT #{n}
            """)
    List<SignInRecord> longestLiveStreaks(@Param("today") LocalDate today, @Param("yesterday") LocalDate yesterday,
            @Param("n") int n);

    /** How many live streaks are longer than {@code streak}. */
    @Select("""
            SELECT COUNT(*) FROM (SELECT MAX(streak) AS streak FROM signin_record
                                   WHERE sign_date IN (#{today}, #{yesterday}) GROUP BY member_id) live
             WHERE live.streak > #{streak}
            """)
    long liveStreaksLongerThan(@Param("today") LocalDate today, @Param("yesterday") LocalDate yesterday,
            @Param("streak") int streak);

    @Select("SELECT MAX(streak) FROM signin_record WHERE member_id = #{memberId} AND sign_date IN (#{today}, #{yesterday})")
    Integer liveStreak(@Param("memberId") long memberId, @Param("today") LocalDate today,
            @Param("yesterday") LocalDate yesterday);

    /** Streaks are derived: a makeup that joins two runs renumbers the later one. Points stay as earned. */
    @Update("UPDATE signin_record SET streak = #{streak} WHERE id = #{id}")
    int renumber(@Param("id") long id, @Param("streak") int streak);

    @Update("UPDATE signin_record SET points_entry_id = #{entryId} WHERE id = #{id}")
    int linkPoints(@Param("id") long id, @Param("entryId") long entryId);

    /** Sign-ins (not makeups) on days from..to, and how many members made them. */
    @Select("""
            SELECT COUNT(*) AS sign_ins, COUNT(DISTINCT member_id) AS members FROM signin_record
             WHERE sign_date >= #{from} AND sign_date <= #{to} AND makeup = FALSE
            """)
    Map<String, Number> countBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("""
            SELECT sign_date, COUNT(*) AS sign_ins FROM signin_record
             WHERE sign_date >= #{from} AND sign_date <= #{to} AND makeup = FALSE
             GROUP BY sign_date
            """)
    List<DayCount> countPerDay(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /**
     * The member of every sign-in written in [from, to), makeups too (opening the app to make one up is a
     * visit). Not DISTINCT: with it MariaDB may walk the whole (member, date) key instead of the range.
     */
    @Select("SELECT member_id FROM signin_record WHERE created_at >= #{from} AND created_at < #{to}")
    List<Long> membersWritingBetween(@Param("from") Instant from, @Param("to") Instant to);

    class DayCount {
        private LocalDate signDate;
        private long signIns;

        public LocalDate getSignDate() { return signDate; }
        public void setSignDate(LocalDate signDate) { this.signDate = signDate; }
        public long getSignIns() { return signIns; }
        public void setSignIns(long signIns) { this.signIns = signIns; }
    }
}
