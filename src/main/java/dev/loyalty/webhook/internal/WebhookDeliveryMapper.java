package dev.loyalty.webhook.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface WebhookDeliveryMapper extends BaseMapper<WebhookDelivery> {

    /** PENDING deliveries due by {@code now} to webhooks not deleted, the longest waiting first. */
    @Select("""
            SELECT d.* FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
             WHERE d.status = 'PENDING' AND d.next_attempt_at <= #{now} AND w.deleted_at IS NULL
             ORDER BY d.next_attempt_at, d.id LIMIT #{limit}
            """)
    List<WebhookDelivery> due(@Param("now") Instant now, @Param("limit") int limit);

    /** The receiver took it: DELIVERED. */
    @Update("""
            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = #{code},
                   last_error = NULL, delivered_at = #{now}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int delivered(@Param("id") long id, @Param("code") int code, @Param("now") Instant now);

    /** It did not: PENDING again from {@code nextAttemptAt}, or FAILED when that was the last attempt. */
    @Update("""
            UPDATE webhook_delivery SET status = #{status}, attempts = attempts + 1, last_status_code = #{code},
                   last_error = #{error}, next_attempt_at = #{nextAttemptAt}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int attemptFailed(@Param("id") long id, @Param("status") String status, @Param("code") Integer code,
            @Param("error") String error, @Param("nextAttemptAt") Instant nextAttemptAt);

    /** An operator's retry: a FAILED delivery is PENDING again with a fresh round of attempts, due now. */
    @Update("""
            UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}
             WHERE id = #{id} AND webhook_id = #{webhookId} AND status = 'FAILED'
            """)
    int retry(@Param("webhookId") long webhookId, @Param("id") long id, @Param("now") Instant now);

    /** A deleted webhook's deliveries not yet made will not be made. */
    @Update("""
            UPDATE webhook_delivery SET status = 'FAILED', last_error = 'the webhook was deleted'
             WHERE webhook_id = #{webhookId} AND status = 'PENDING'
            """)
    int abandon(@Param("webhookId") long webhookId);
}
