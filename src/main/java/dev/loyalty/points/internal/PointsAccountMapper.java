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
     * {@code floor}; a new lot expiring at {@code lotExpiry} (or null) brings the next expiry forward.
     * Answers 0 when the balance would fall below the floor.
     */
    @Update("""
            UPDATE points_account
               SET balance = balance + #{delta},
                   total_earned = total_earned + #{earned},
                   total_spent = total_spent + #{spent},
                   total_expired = total_expired + #{expired},
                   next_expiry_at = CASE WHEN #{lotExpiry,jdbcType=TIMESTAMP} IS NULL THEN next_expiry_at
                                         WHEN next_expiry_at IS NULL OR next_expiry_at > #{lotExpiry,jdbcType=TIMESTAMP}
                                         THEN #{lotExpiry,jdbcType=TIMESTAMP}
                                         ELSE next_expiry_at END,
                   version = version + 1,
                   updated_at = #{now}
             WHERE member_id = #{memberId} AND balance + #{delta} >= #{floor}
            """)
    int move(@Param("memberId") long memberId, @Param("delta") long delta, @Param("earned") long earned,
            @Param("spent") long spent, @Param("expired") long expired, @Param("floor") long floor,
            @Param("lotExpiry") Instant lotExpiry, @Param("now") Instant now);

    /** After expiring lots: the earliest expiry of the lots that still hold points, or null. */
    @Update("""
            UPDATE points_account
               SET next_expiry_at = (SELECT MIN(expires_at) FROM points_lot WHERE member_id = #{memberId} AND remaining > 0)
             WHERE member_id = #{memberId}
            """)
    int recomputeNextExpiry(@Param("memberId") long memberId);

    @Select("SELECT COALESCE(SUM(balance), 0) FROM points_account")
    long totalBalance();

    /** Closes the account of a deleted member: nothing moves its balance again. */
    @Update("UPDATE points_account SET closed_at = #{now}, updated_at = #{now} WHERE member_id = #{memberId} AND closed_at IS NULL")
    int close(@Param("memberId") long memberId, @Param("now") Instant now);
}
