package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PointsAccountMapper extends BaseMapper<PointsAccount> {

    /** Locks the member's account row until the transaction ends: every points write of one member queues here. */
    @Select("SELECT * FROM points_account WHERE member_id = #{memberId} FOR UPDATE")
    PointsAccount lock(@Param("memberId") long memberId);

    /**
     * Moves the balance by {@code delta} and the totals by theirs, only if the balance stays at or above
     * {@code floor}. Answers 0 when it would not.
     */
    @Update("""
            UPDATE points_account
               SET balance = balance + #{delta},
                   total_earned = total_earned + #{earned},
                   total_spent = total_spent + #{spent},
                   total_expired = total_expired + #{expired},
                   version = version + 1,
                   updated_at = #{now}
             WHERE member_id = #{memberId} AND balance + #{delta} >= #{floor}
            """)
    int move(@Param("memberId") long memberId, @Param("delta") long delta, @Param("earned") long earned,
            @Param("spent") long spent, @Param("expired") long expired, @Param("floor") long floor,
            @Param("now") Instant now);
}
