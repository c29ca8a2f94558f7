package dev.loyalty.points.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PointsLotMapper extends BaseMapper<PointsLot> {

    @Insert("""
            INSERT INTO points_lot (member_id, entry_id, amount, remaining, earned_at, expires_at)
            VALUES (#{memberId}, #{entryId}, #{amount}, #{remaining}, #{earnedAt}, #{expiresAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int add(PointsLot lot);

    /** Lots with points left that are still valid at {@code now}, first to expire first. */
    @Select("""
            SELECT * FROM points_lot
             WHERE member_id = #{memberId} AND expires_at > #{now} AND remaining > 0
             ORDER BY expires_at, id
            """)
    List<PointsLot> spendable(@Param("memberId") long memberId, @Param("now") Instant now);

    @Select("""
            SELECT * FROM points_lot
             WHERE member_id = #{memberId} AND expires_at <= #{now} AND remaining > 0
             ORDER BY expires_at, id
            """)
    List<PointsLot> due(@Param("memberId") long memberId, @Param("now") Instant now);

    @Select("""
            SELECT DISTINCT member_id FROM points_lot
             WHERE expires_at <= #{now} AND remaining > 0
             LIMIT #{limit}
            """)
    List<Long> membersWithDueLots(@Param("now") Instant now, @Param("limit") int limit);

    /** Takes {@code take} points from a lot, only if it still has them. */
    @Update("UPDATE points_lot SET remaining = remaining - #{take} WHERE id = #{lotId} AND remaining >= #{take}")
    int take(@Param("lotId") long lotId, @Param("take") long take);

    @Select("SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id = #{memberId} AND remaining > 0 AND expires_at <= #{now}")
    long expiredNotYetWritten(@Param("memberId") long memberId, @Param("now") Instant now);

    @Select("""
            SELECT * FROM points_lot
             WHERE member_id = #{memberId} AND remaining > 0 AND expires_at > #{now} AND expires_at <= #{until}
             ORDER BY expires_at
            """)
    List<PointsLot> expiringBetween(@Param("memberId") long memberId, @Param("now") Instant now,
            @Param("until") Instant until);

    /** The latest expiry among the lots a spend drew from (for giving those points back). */
    @Select("""
            SELECT MAX(l.expires_at) FROM points_lot l JOIN points_lot_draw d ON d.lot_id = l.id
             WHERE d.entry_id = #{entryId}
            """)
    Instant latestExpiryDrawnBy(@Param("entryId") long entryId);
}
