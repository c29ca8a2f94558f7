package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface WalletBonusExpiryMapper extends BaseMapper<WalletBonusExpiry> {

    @Insert("""
            INSERT INTO wallet_bonus_expiry (entry_id, member_id, cents, expires_at, status)
            VALUES (#{entryId}, #{memberId}, #{cents}, #{expiresAt}, 'OPEN')
            """)
    int add(@Param("entryId") long entryId, @Param("memberId") long memberId, @Param("cents") long cents,
            @Param("expiresAt") Instant expiresAt);

    /** Open credits due at {@code now}, by ledger row, after {@code afterEntryId} (a batch at a time). */
    @Select("""
            SELECT * FROM wallet_bonus_expiry
             WHERE status = 'OPEN' AND expires_at <= #{now} AND entry_id > #{after}
             ORDER BY entry_id LIMIT #{limit}
            """)
    List<WalletBonusExpiry> due(@Param("now") Instant now, @Param("after") long afterEntryId, @Param("limit") int limit);

    /** OPEN → LAPSED, once: the run that gets 1 removes the cents. */
    @Update("""
            UPDATE wallet_bonus_expiry SET status = 'LAPSED', lapsed_cents = #{cents}, lapsed_entry_id = #{lapsedEntryId},
                   lapsed_at = #{now}
             WHERE entry_id = #{entryId} AND status = 'OPEN'
            """)
    int markLapsed(@Param("entryId") long entryId, @Param("cents") long cents,
            @Param("lapsedEntryId") Long lapsedEntryId, @Param("now") Instant now);

    /** The full cents of the member's expiring credits written after {@code entryId} that have lapsed. */
    @Select("""
            SELECT COALESCE(SUM(cents), 0) FROM wallet_bonus_expiry
             WHERE member_id = #{memberId} AND entry_id > #{entryId} AND status = 'LAPSED'
            """)
    long lapsedCreditsAfter(@Param("memberId") long memberId, @Param("entryId") long entryId);
}
