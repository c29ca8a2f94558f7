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

    /**
     * The outbox row of a change, written in the change's transaction: PENDING when the member can be
     * reached now, by a linked follower ({@code officialAccount}: the kind's template message is on) or by a
     * grant left for the kind's subscribe message ({@code miniTemplateId}, empty when off); else SKIPPED at
     * once, so that nothing is sent for it (most members of a brand are neither).
     */
    @Insert("""
            INSERT INTO notification (member_id, kind, source_key, subject, detail, delta, balance, change_text,
                                      balance_text, page, status, last_error, attempts, next_attempt_at, created_at)
            SELECT #{n.memberId}, #{n.kind}, #{n.sourceKey}, #{n.subject}, #{n.detail}, #{n.delta}, #{n.balance},
                   #{n.changeText}, #{n.balanceText}, #{n.page}, reach.status,
                   CASE WHEN reach.status = 'SKIPPED' THEN #{unreachable} END, 0, #{n.nextAttemptAt}, #{n.createdAt}
              FROM (SELECT CASE WHEN (#{officialAccount} AND EXISTS (SELECT 1 FROM notify_follower
                                                                       WHERE member_id = #{n.memberId} AND subscribed = TRUE))
                                  OR EXISTS (SELECT 1 FROM notify_subscription
                                              WHERE member_id = #{n.memberId} AND template_id = #{miniTemplateId}
                                                AND grants > 0)
                                THEN 'PENDING' ELSE 'SKIPPED' END AS status) reach
            """)
    @Options(useGeneratedKeys = true, keyProperty = "n.id", keyColumn = "id")
    int add(@Param("n") Notification notification, @Param("officialAccount") boolean officialAccount,
            @Param("miniTemplateId") String miniTemplateId, @Param("unreachable") String unreachable);

    /** The outbox row of a change no template is configured for: SKIPPED, with the reason. */
    @Insert("""
            INSERT INTO notification (member_id, kind, source_key, subject, detail, delta, balance, change_text,
                                      balance_text, page, status, last_error, attempts, next_attempt_at, created_at)
            VALUES (#{n.memberId}, #{n.kind}, #{n.sourceKey}, #{n.subject}, #{n.detail}, #{n.delta}, #{n.balance},
                    #{n.changeText}, #{n.balanceText}, #{n.page}, 'SKIPPED', #{reason}, 0, #{n.nextAttemptAt},
                    #{n.createdAt})
            """)
    int addSkipped(@Param("n") Notification notification, @Param("reason") String reason);

    /** The channel chosen for a claimed row, kept for its retries. */
    @Update("UPDATE notification SET channel = #{channel} WHERE id = #{id}")
    int choose(@Param("id") long id, @Param("channel") String channel);

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

    /**
     * FAILED or SKIPPED → PENDING with a fresh round of attempts, due now; once per operator's retry. A message
     * of a deleted member (its contents blanked) is never sent again.
     */
    @Update("""
            UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}
             WHERE id = #{id} AND status IN ('FAILED', 'SKIPPED') AND change_text <> ''
            """)
    int retry(@Param("id") long id, @Param("now") Instant now);

    /**
     * Blanks what a deleted member's messages said (the rows keep their ids, kinds, status and times); those
     * not sent yet are SKIPPED, so nothing goes out for them.
     */
    @Update("""
            UPDATE notification
               SET subject = NULL, detail = NULL, delta = NULL, balance = NULL, change_text = '', balance_text = '',
                   to_openid = NULL,
                   last_error = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'member deleted' ELSE last_error END,
                   status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'SKIPPED' ELSE status END
             WHERE member_id = #{memberId}
            """)
    int erase(@Param("memberId") long memberId);

    /** The ids of the oldest notifications written before {@code before}, at most {@code limit}, oldest first. */
    @Select("SELECT id FROM notification WHERE created_at < #{before} ORDER BY created_at, id LIMIT #{limit}")
    List<Long> writtenBefore(@Param("before") Instant before, @Param("limit") int limit);
}
