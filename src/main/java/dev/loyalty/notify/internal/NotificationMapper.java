package dev.loyalty.notify.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface NotificationMapper extends BaseMapper<Notification> {

    /** The outbox row of a change, written in the change's transaction (every movement of value writes one). */
    @Insert("""
            INSERT INTO notification (member_id, kind, source_key, change_text, balance_text, page, status, attempts,
                                      next_attempt_at, created_at)
            VALUES (#{memberId}, #{kind}, #{sourceKey}, #{changeText}, #{balanceText}, #{page}, #{status}, #{attempts},
                    #{nextAttemptAt}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int add(Notification notification);

    /**
     * Claims a notification for this sender: a due PENDING one, or a SENDING one whose sender went quiet
     * (crashed) before {@code staleBefore}. Exactly one of several instances gets 1.
     */
    @Update("""
            UPDATE notification SET status = 'SENDING', claimed_at = #{now}, attempts = attempts + 1
             WHERE id = #{id}
               AND ((status = 'PENDING' AND next_attempt_at <= #{now}) OR (status = 'SENDING' AND claimed_at < #{staleBefore}))
            """)
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);

    @Select("""
            SELECT id FROM notification
             WHERE (status = 'PENDING' AND next_attempt_at <= #{now}) OR (status = 'SENDING' AND claimed_at < #{staleBefore})
             ORDER BY id LIMIT #{limit}
            """)
    List<Long> due(@Param("now") Instant now, @Param("staleBefore") Instant staleBefore, @Param("limit") int limit);

    /** Records the outcome, only while the claim is still this sender's (a stalled sender's claim may be taken over). */
    @Update("""
            UPDATE notification SET status = #{status}, last_error = #{error}, to_openid = #{openid},
                   sent_at = #{sentAt}, next_attempt_at = #{nextAttemptAt}
             WHERE id = #{id} AND status = 'SENDING' AND claimed_at = #{claimedAt}
            """)
    int finish(@Param("id") long id, @Param("claimedAt") Instant claimedAt, @Param("status") String status,
            @Param("error") String error, @Param("openid") String openid, @Param("sentAt") Instant sentAt,
            @Param("nextAttemptAt") Instant nextAttemptAt);

    /** FAILED or SKIPPED → PENDING with a fresh round of attempts, due now; once per operator's retry. */
    @Update("""
            UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}
             WHERE id = #{id} AND status IN ('FAILED', 'SKIPPED')
            """)
    int retry(@Param("id") long id, @Param("now") Instant now);
}
