package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponMapper extends BaseMapper<Coupon> {

    @Select("SELECT * FROM coupon WHERE member_id = #{memberId} AND redeem_key = #{redeemKey}")
    Optional<Coupon> findByRedeemKey(@Param("memberId") long memberId, @Param("redeemKey") String redeemKey);

    @Select("SELECT * FROM coupon WHERE code = #{code}")
    Optional<Coupon> findByCode(@Param("code") String code);

    /** UNUSED → USED, for exactly one of any number of simultaneous scans. */
    @Update("""
            UPDATE coupon SET status = 'USED', used_at = #{now}, store_id = #{storeId}, staff_member_id = #{staffId}
             WHERE id = #{id} AND status = 'UNUSED' AND valid_to > #{now}
            """)
    int use(@Param("id") long id, @Param("storeId") long storeId, @Param("staffId") long staffId, @Param("now") Instant now);

    /** UNUSED → USED to pay part of an order, for exactly one of any number of simultaneous checkouts. */
    @Update("""
            UPDATE coupon SET status = 'USED', used_at = #{now}, store_id = #{storeId}, staff_member_id = #{staffId},
                              order_no = #{orderNo}
             WHERE id = #{id} AND status = 'UNUSED' AND valid_from <= #{now} AND valid_to > #{now}
            """)
    int useForOrder(@Param("id") long id, @Param("storeId") long storeId, @Param("staffId") long staffId,
            @Param("orderNo") String orderNo, @Param("now") Instant now);

    /** USED by this order and still valid → UNUSED again, when the order is refunded whole. */
    @Update("""
            UPDATE coupon SET status = 'UNUSED', used_at = NULL, store_id = NULL, staff_member_id = NULL,
                              order_no = NULL, returned_at = #{now}
             WHERE id = #{id} AND status = 'USED' AND order_no = #{orderNo} AND valid_to > #{now}
            """)
    int giveBack(@Param("id") long id, @Param("orderNo") String orderNo, @Param("now") Instant now);

    /** UNUSED and still valid → REVOKED (an expired coupon is no longer the member's to lose). */
    @Update("UPDATE coupon SET status = 'REVOKED', revoked_at = #{now} WHERE id = #{id} AND status = 'UNUSED' AND valid_to > #{now}")
    int revoke(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE coupon SET status = 'EXPIRED' WHERE status = 'UNUSED' AND valid_to <= #{now}")
    int expireAll(@Param("now") Instant now);
}
