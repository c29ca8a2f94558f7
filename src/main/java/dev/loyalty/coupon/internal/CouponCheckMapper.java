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
}
