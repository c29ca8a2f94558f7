package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface WalletEntryMapper extends BaseMapper<WalletEntry> {

    /** The ledger row of one movement, written on every top-up, payment and refund. */
    @Insert("""
            INSERT INTO wallet_entry (member_id, type, delta_cents, principal_delta_cents, bonus_delta_cents,
                                      balance_after_cents, idempotency_key, order_no, store_id, staff_member_id,
                                      plan_id, reverses_id, created_at)
            VALUES (#{memberId}, #{type}, #{deltaCents}, #{principalDeltaCents}, #{bonusDeltaCents},
                    #{balanceAfterCents}, #{idempotencyKey}, #{orderNo}, #{storeId}, #{staffMemberId},
                    #{planId}, #{reversesId}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int add(WalletEntry entry);

    /** All bonus the member was credited (rows adding bonus) after the ledger row {@code entryId}. */
    @Select("""
            SELECT COALESCE(SUM(bonus_delta_cents), 0) FROM wallet_entry
             WHERE member_id = #{memberId} AND id > #{entryId} AND bonus_delta_cents > 0
            """)
    long bonusCreditedAfter(@Param("memberId") long memberId, @Param("entryId") long entryId);

    @Select("SELECT * FROM wallet_entry WHERE idempotency_key = #{key}")
    Optional<WalletEntry> findByKey(@Param("key") String key);

    /** Cash taken in by top-ups (and the bonus they granted), payments and refunds of rows written in [from, to). */
    @Select("""
            SELECT COALESCE(SUM(CASE WHEN type = 'TOP_UP' THEN principal_delta_cents ELSE 0 END), 0) AS top_up,
                   COALESCE(SUM(CASE WHEN type = 'TOP_UP' THEN bonus_delta_cents ELSE 0 END), 0) AS top_up_bonus,
                   COALESCE(SUM(CASE WHEN type = 'PAY' THEN -delta_cents ELSE 0 END), 0) AS paid,
                   COALESCE(SUM(CASE WHEN type = 'REFUND' THEN delta_cents ELSE 0 END), 0) AS refunded
              FROM wallet_entry WHERE created_at >= #{from} AND created_at < #{to}
            """)
    Map<String, Number> flows(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT COALESCE(SUM(principal_delta_cents), 0) AS principal, COALESCE(SUM(bonus_delta_cents), 0) AS bonus
              FROM wallet_entry WHERE created_at >= #{from}
            """)
    Map<String, Number> netSince(@Param("from") Instant from);
}
