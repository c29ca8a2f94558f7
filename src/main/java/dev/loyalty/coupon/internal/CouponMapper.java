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

    /** UNUSED and still valid → REVOKED (an expired coupon is no longer the member's to lose). */
    @Update("UPDATE coupon SET status = 'REVOKED', revoked_at = #{now} WHERE id = #{id} AND status = 'UNUSED' AND valid_to > #{now}")
    int revoke(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE coupon SET status = 'EXPIRED' WHERE status = 'UNUSED' AND valid_to <= #{now}")
    int expireAll(@Param("now") Instant now);
}
