package dev.loyalty.points.internal;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The reads of the integrity check: a batch of accounts in member-id order, then one grouped query per table
 * over the batch's id range (never every row at once).
 */
@Mapper
interface PointsCheckMapper {

    @Select("""
            SELECT member_id, balance, total_earned, total_spent, total_expired FROM points_account
             WHERE member_id > #{after} ORDER BY member_id LIMIT #{limit}
            """)
    List<PointsAccount> accountsAfter(@Param("after") long afterMemberId, @Param("limit") int limit);

    /** Per member in (after, last]: the sum of the ledger's deltas. */
    @Select("""
            SELECT member_id AS member_id, COALESCE(SUM(delta), 0) AS total FROM points_entry
             WHERE member_id > #{after} AND member_id <= #{last} GROUP BY member_id
            """)
    List<Map<String, Object>> ledgerSums(@Param("after") long afterMemberId, @Param("last") long lastMemberId);

    /** Per member in (after, last]: the points left in their lots, expired ones not yet written off included. */
    @Select("""
            SELECT member_id AS member_id, COALESCE(SUM(remaining), 0) AS total FROM points_lot
             WHERE member_id > #{after} AND member_id <= #{last} GROUP BY member_id
            """)
    List<Map<String, Object>> lotSums(@Param("after") long afterMemberId, @Param("last") long lastMemberId);

    /**
     * The ledger rows in (after, last] whose balance_after is not the row before's (of the same member, in id
     * order; 0 before the first) plus their delta.
     */
    @Select("""
            SELECT id AS id, member_id AS member_id, delta AS delta, balance_after AS balance_after,
                   prev_after AS prev_after
              FROM (SELECT id, member_id, delta, balance_after,
                           COALESCE(LAG(balance_after) OVER (PARTITION BY member_id ORDER BY id), 0) AS prev_after
                      FROM points_entry WHERE member_id > #{after} AND member_id <= #{last}) chained
             WHERE balance_after <> prev_after + delta
             ORDER BY member_id, id
            """)
    List<Map<String, Object>> chainBreaks(@Param("after") long afterMemberId, @Param("last") long lastMemberId);
}
