package dev.loyalty.coupon.internal;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The reads of the integrity check: a batch of templates in id order, then one grouped count over its id range. */
@Mapper
interface CouponCheckMapper {

    @Select("SELECT id, taken FROM coupon_template WHERE id > #{after} ORDER BY id LIMIT #{limit}")
    List<CouponTemplate> templatesAfter(@Param("after") long afterId, @Param("limit") int limit);

    /** Per template in (after, last]: the coupons issued and not revoked (an operator's revoke returns the stock). */
    @Select("""
            SELECT template_id AS template_id, COUNT(*) AS total FROM coupon
             WHERE template_id > #{after} AND template_id <= #{last} AND status <> 'REVOKED'
             GROUP BY template_id
            """)
    List<Map<String, Object>> heldCounts(@Param("after") long afterId, @Param("last") long lastId);

    /**
     * Per template in (after, last] and member: where the member's quota row counts other than their coupons of it
     * not revoked, or where they hold such coupons and have no quota row. Only the disagreements come back.
     */
    @Select("""
            SELECT q.template_id AS template_id, q.member_id AS member_id, q.taken AS taken, COUNT(c.id) AS held
              FROM coupon_member_quota q
              LEFT JOIN coupon c ON c.template_id = q.template_id AND c.member_id = q.member_id AND c.status <> 'REVOKED'
             WHERE q.template_id > #{after} AND q.template_id <= #{last}
             GROUP BY q.template_id, q.member_id, q.taken
            HAVING q.taken <> COUNT(c.id)
            UNION ALL
            SELECT c.template_id AS template_id, c.member_id AS member_id, 0 AS taken, COUNT(*) AS held
              FROM coupon c
              LEFT JOIN coupon_member_quota q ON q.template_id = c.template_id AND q.member_id = c.member_id
             WHERE c.template_id > #{after} AND c.template_id <= #{last} AND c.status <> 'REVOKED' AND q.template_id IS NULL
             GROUP BY c.template_id, c.member_id
            """)
    List<Map<String, Object>> quotaDisagreements(@Param("after") long afterId, @Param("last") long lastId);
}
