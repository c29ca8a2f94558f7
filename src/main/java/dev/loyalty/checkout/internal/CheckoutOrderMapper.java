package dev.loyalty.checkout.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CheckoutOrderMapper extends BaseMapper<CheckoutOrder> {

    @Select("SELECT * FROM checkout_order WHERE store_id = #{storeId} AND order_no = #{orderNo}")
    Optional<CheckoutOrder> find(@Param("storeId") long storeId, @Param("orderNo") String orderNo);

    @Select("SELECT * FROM checkout_order WHERE store_id = #{storeId} AND order_no = #{orderNo} FOR UPDATE")
    CheckoutOrder lock(@Param("storeId") long storeId, @Param("orderNo") String orderNo);

    /** The order, first of all its writes: a second checkout of the same order waits here for the first, then fails on the unique key. */
    @Insert("""
            INSERT INTO checkout_order (store_id, order_no, member_id, staff_member_id, amount_cents, coupon_code,
                                        coupon_discount_cents, points_requested, points_used, points_discount_cents,
                                        payable_cents, points_earned, points_balance, refunded_cents, points_returned,
                                        points_reversed, status, created_at, updated_at)
            VALUES (#{storeId}, #{orderNo}, #{memberId}, #{staffMemberId}, #{amountCents}, #{couponCode},
                    #{couponDiscountCents}, #{pointsRequested}, #{pointsUsed}, #{pointsDiscountCents},
                    #{payableCents}, #{pointsEarned}, #{pointsBalance}, #{refundedCents}, #{pointsReturned},
                    #{pointsReversed}, #{status}, #{createdAt}, #{updatedAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int open(CheckoutOrder order);

    /** What the order came to, in the transaction that opened it. */
    @Update("""
            UPDATE checkout_order
               SET coupon_id = #{couponId}, coupon_discount_cents = #{couponDiscountCents}, points_used = #{pointsUsed},
                   points_discount_cents = #{pointsDiscountCents}, points_entry_id = #{pointsEntryId},
                   payable_cents = #{payableCents}, points_earned = #{pointsEarned}, points_balance = #{pointsBalance}
             WHERE id = #{id}
            """)
    int settle(CheckoutOrder order);

    /** Records a refund, only while the refunds stay within the cash paid and the points returned within those used. */
    @Update("""
            UPDATE checkout_order
               SET refunded_cents = refunded_cents + #{cents}, points_returned = points_returned + #{returned},
                   points_reversed = points_reversed + #{reversed}, status = #{status}, updated_at = #{now}
             WHERE id = #{id} AND refunded_cents + #{cents} <= payable_cents
               AND points_returned + #{returned} <= points_used AND status <> 'REFUNDED'
            """)
    int refund(@Param("id") long id, @Param("cents") long cents, @Param("returned") long returned,
            @Param("reversed") long reversed, @Param("status") String status, @Param("now") Instant now);
}
