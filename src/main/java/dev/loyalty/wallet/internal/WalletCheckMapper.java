package dev.loyalty.wallet.internal;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The reads of the integrity check: a batch of wallets in member-id order, then grouped queries over its id range. */
@Mapper
interface WalletCheckMapper {

    @Select("""
            SELECT member_id, principal_cents, bonus_cents FROM wallet_account
             WHERE member_id > #{after} ORDER BY member_id LIMIT #{limit}
            """)
    List<WalletAccount> walletsAfter(@Param("after") long afterMemberId, @Param("limit") int limit);

    /** Per member in (after, last]: the sums of the ledger's principal and bonus deltas. */
    @Select("""
            SELECT member_id AS member_id, COALESCE(SUM(principal_delta_cents), 0) AS principal,
                   COALESCE(SUM(bonus_delta_cents), 0) AS bonus
              FROM wallet_entry WHERE member_id > #{after} AND member_id <= #{last} GROUP BY member_id
            """)
    List<Map<String, Object>> ledgerSums(@Param("after") long afterMemberId, @Param("last") long lastMemberId);

    /**
     * The ledger rows in (after, last] whose delta is not principal + bonus, or whose balance_after is not the
     * row before's (of the same member, in id order; 0 before the first) plus their delta.
     */
    @Select("""
            SELECT id AS id, member_id AS member_id, delta_cents AS delta, principal_delta_cents AS principal,
                   bonus_delta_cents AS bonus, balance_after_cents AS balance_after, prev_after AS prev_after
              FROM (SELECT id, member_id, delta_cents, principal_delta_cents, bonus_delta_cents, balance_after_cents,
                           COALESCE(LAG(balance_after_cents) OVER (PARTITION BY member_id ORDER BY id), 0) AS prev_after
                      FROM wallet_entry WHERE member_id > #{after} AND member_id <= #{last}) chained
             WHERE balance_after_cents <> prev_after + delta_cents
                OR delta_cents <> principal_delta_cents + bonus_delta_cents
             ORDER BY member_id, id
            """)
    List<Map<String, Object>> chainBreaks(@Param("after") long afterMemberId, @Param("last") long lastMemberId);
}
