package dev.loyalty.counter.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PurchaseMapper extends BaseMapper<Purchase> {

    @Select("SELECT * FROM counter_purchase WHERE store_id = #{storeId} AND order_no = #{orderNo}")
    Optional<Purchase> find(@Param("storeId") long storeId, @Param("orderNo") String orderNo);

    @Select("SELECT * FROM counter_purchase WHERE store_id = #{storeId} AND order_no = #{orderNo} FOR UPDATE")
    Purchase lock(@Param("storeId") long storeId, @Param("orderNo") String orderNo);

    /** A counter purchase; a second one with the same order number waits for the first, then fails on the unique key. */
    @Insert("""
            INSERT INTO counter_purchase (store_id, order_no, member_id, amount_cents, points_awarded, points_entry_id,
                                          refunded_cents, points_reversed, staff_member_id, paid_by, created_at)
            VALUES (#{storeId}, #{orderNo}, #{memberId}, #{amountCents}, #{pointsAwarded}, #{pointsEntryId},
                    #{refundedCents}, #{pointsReversed}, #{staffMemberId}, #{paidBy}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int add(Purchase purchase);

    @Update("UPDATE counter_purchase SET points_awarded = #{points}, points_entry_id = #{entryId} WHERE id = #{id}")
    int award(@Param("id") long id, @Param("points") long points, @Param("entryId") Long entryId);

    /** Records a refund, only while the refunds stay within the amount paid. */
    @Update("""
            UPDATE counter_purchase
               SET refunded_cents = refunded_cents + #{cents}, points_reversed = points_reversed + #{points}
             WHERE id = #{id} AND refunded_cents + #{cents} <= amount_cents
            """)
    int refund(@Param("id") long id, @Param("cents") long cents, @Param("points") long points);
}
