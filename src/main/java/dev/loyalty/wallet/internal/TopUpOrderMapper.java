package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TopUpOrderMapper extends BaseMapper<TopUpOrder> {

    @Select("SELECT * FROM wallet_top_up_order WHERE order_no = #{orderNo}")
    TopUpOrder findByOrderNo(@Param("orderNo") String orderNo);

    /** CREATED or CLOSED → PAID, once: the caller that gets 1 credits the wallet in the same transaction. */
    @Update("""
            UPDATE wallet_top_up_order SET status = 'PAID', transaction_id = #{transactionId}, paid_at = #{paidAt}
             WHERE order_no = #{orderNo} AND status <> 'PAID'
            """)
    int markPaid(@Param("orderNo") String orderNo, @Param("transactionId") String transactionId, @Param("paidAt") Instant paidAt);

    /** CREATED → CLOSED: it can no longer be paid. */
    @Update("UPDATE wallet_top_up_order SET status = 'CLOSED', closed_at = #{now} WHERE order_no = #{orderNo} AND status = 'CREATED'")
    int markClosed(@Param("orderNo") String orderNo, @Param("now") Instant now);

    /** Orders still CREATED that were made before {@code before}, oldest first. */
    @Select("""
            SELECT * FROM wallet_top_up_order WHERE status = 'CREATED' AND created_at < #{before} AND id > #{afterId}
             ORDER BY id LIMIT #{limit}
            """)
    List<TopUpOrder> unpaidBefore(@Param("before") Instant before, @Param("afterId") long afterId, @Param("limit") int limit);

    /** The member's orders still CREATED, oldest first. */
    @Select("SELECT * FROM wallet_top_up_order WHERE member_id = #{memberId} AND status = 'CREATED' ORDER BY id")
    List<TopUpOrder> createdOf(@Param("memberId") long memberId);

    /** Every order of the member, oldest first (their data export). */
    @Select("SELECT * FROM wallet_top_up_order WHERE member_id = #{memberId} ORDER BY id")
    List<TopUpOrder> ofMember(@Param("memberId") long memberId);

    /** The member's paid orders paid at or after {@code since}, newest first. */
    @Select("""
            SELECT * FROM wallet_top_up_order WHERE member_id = #{memberId} AND status = 'PAID' AND paid_at >= #{since}
             ORDER BY paid_at DESC, id DESC
            """)
    List<TopUpOrder> paidSince(@Param("memberId") long memberId, @Param("since") Instant since);
}
