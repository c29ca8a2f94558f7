package dev.loyalty.wallet.internal;

import java.util.Map;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface WalletAccountMapper extends BaseMapper<WalletAccount> {

    /** Locks the member's wallet row until the transaction ends: a member's wallet writes queue here. */
    @Select("SELECT * FROM wallet_account WHERE member_id = #{memberId} FOR UPDATE")
    WalletAccount lock(@Param("memberId") long memberId);

    /** Moves principal and bonus, only if neither goes below zero. */
    @Update("""
            UPDATE wallet_account
               SET principal_cents = principal_cents + #{principal}, bonus_cents = bonus_cents + #{bonus},
                   version = version + 1, updated_at = #{now}
             WHERE member_id = #{memberId} AND principal_cents + #{principal} >= 0 AND bonus_cents + #{bonus} >= 0
            """)
    int move(@Param("memberId") long memberId, @Param("principal") long principal, @Param("bonus") long bonus,
            @Param("now") Instant now);

    /** Closes the wallet (cashed out) or, with null, reopens it. */
    @Update("UPDATE wallet_account SET closed_at = #{closedAt}, updated_at = #{now} WHERE member_id = #{memberId}")
    int setClosed(@Param("memberId") long memberId, @Param("closedAt") Instant closedAt, @Param("now") Instant now);

    @Select("SELECT COALESCE(SUM(principal_cents), 0) AS principal, COALESCE(SUM(bonus_cents), 0) AS bonus FROM wallet_account")
    Map<String, Number> totals();
}
