package dev.loyalty.points.internal;

import java.util.Map;

import java.time.Instant;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PointsEntryMapper extends BaseMapper<PointsEntry> {

    /** Appends a ledger row (written out: it runs on every movement of points). */
    @Insert("""
            INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, reference,
                                      reverses_id, remark, created_at)
            VALUES (#{memberId}, #{delta}, #{balanceAfter}, #{type}, #{source}, #{idempotencyKey}, #{reference},
                    #{reversesId}, #{remark}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int append(PointsEntry entry);

    @Select("SELECT * FROM points_entry WHERE idempotency_key = #{key}")
    Optional<PointsEntry> findByKey(@Param("key") String idempotencyKey);

    /** Points of an earning's lot written off by EXPIRE rows, as a positive number. */
    @Select("""
            SELECT COALESCE(SUM(-e.delta), 0)
              FROM points_lot l JOIN points_entry e ON e.idempotency_key = CONCAT('expire:lot:', l.id)
             WHERE l.entry_id = #{entryId}
            """)
    long expiredFromLotOf(@Param("entryId") long entryId);

    /** Points already reversed of an entry, as a positive number. */
    @Select("SELECT COALESCE(SUM(ABS(delta)), 0) FROM points_entry WHERE reverses_id = #{entryId}")
    long reversedOf(@Param("entryId") long entryId);

    /**
     * What the rows written in [from, to) did: their net sum, what they wrote off (expiry, and deleted members' balances) and what they spent (a
     * spend given back by a reversal counts against the spent; an operator's corrections count as issued).
     */
    @Select("""
            SELECT COALESCE(SUM(delta), 0) AS net,
                   COALESCE(SUM(CASE WHEN type IN ('EXPIRE', 'WRITE_OFF') THEN -delta ELSE 0 END), 0) AS expired,
                   COALESCE(SUM(CASE WHEN type = 'SPEND' OR (type = 'REVERSE' AND delta > 0 AND source <> 'ADMIN')
                                     THEN -delta ELSE 0 END), 0) AS redeemed
              FROM points_entry WHERE created_at >= #{from} AND created_at < #{to}
            """)
    Map<String, Number> flows(@Param("from") Instant from, @Param("to") Instant to);

    @Select("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE created_at >= #{from}")
    long netSince(@Param("from") Instant from);

    /** Erases the free-text remarks operators wrote on a member's adjustments (the member's deletion). */
    @Update("UPDATE points_entry SET remark = NULL WHERE member_id = #{memberId} AND source = 'ADMIN'")
    int eraseOperatorRemarks(@Param("memberId") long memberId);
}
