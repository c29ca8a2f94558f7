package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface WalletRefundMapper extends BaseMapper<WalletRefund> {

    @Select("SELECT * FROM wallet_refund WHERE refund_no = #{refundNo}")
    WalletRefund findByRefundNo(@Param("refundNo") String refundNo);

    /** What refunds took (or will take) of a top-up order already. */
    @Select("SELECT COALESCE(SUM(amount_cents), 0) FROM wallet_refund WHERE order_no = #{orderNo}")
    long refundedOf(@Param("orderNo") String orderNo);

    @Select("SELECT * FROM wallet_refund WHERE cash_out_id = #{cashOutId} ORDER BY id")
    List<WalletRefund> ofCashOut(@Param("cashOutId") long cashOutId);

    /** A new state from an answer of WeChat Pay; a refund that succeeded stays SUCCESS. */
    @Update("""
            UPDATE wallet_refund SET status = #{status}, last_error = #{error}, updated_at = #{now},
                   attempts = attempts + #{attempted},
                   refunded_at = CASE WHEN #{status} = 'SUCCESS' THEN #{now} ELSE refunded_at END
             WHERE refund_no = #{refundNo} AND status <> 'SUCCESS'
            """)
    int setStatus(@Param("refundNo") String refundNo, @Param("status") String status, @Param("error") String error,
            @Param("attempted") int attempted, @Param("now") Instant now);

    /** Refunds to ask WeChat Pay about again: not asked or failed, or taken and not heard of, before {@code before}. */
    @Select("""
            SELECT * FROM wallet_refund WHERE status IN ('PENDING', 'FAILED', 'PROCESSING') AND updated_at < #{before}
               AND id > #{afterId} ORDER BY id LIMIT #{limit}
            """)
    List<WalletRefund> due(@Param("before") Instant before, @Param("afterId") long afterId, @Param("limit") int limit);
}
