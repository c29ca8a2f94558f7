package dev.loyalty.notify.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** One-time subscribe-message grants (each accepted prompt allows one message) and reminders sent. */
@Mapper
public interface SubscriptionMapper {

    @Update("""
            UPDATE notify_subscription SET grants = grants + 1, updated_at = #{now}
             WHERE member_id = #{memberId} AND template_id = #{templateId}
            """)
    int addGrant(@Param("memberId") long memberId, @Param("templateId") String templateId, @Param("now") Instant now);

    @Insert("""
            INSERT INTO notify_subscription (member_id, template_id, grants, updated_at)
            VALUES (#{memberId}, #{templateId}, 1, #{now})
            """)
    int firstGrant(@Param("memberId") long memberId, @Param("templateId") String templateId, @Param("now") Instant now);

    @Select("SELECT grants FROM notify_subscription WHERE member_id = #{memberId} AND template_id = #{templateId}")
    Integer grants(@Param("memberId") long memberId, @Param("templateId") String templateId);

    @Select("""
            SELECT member_id FROM notify_subscription
             WHERE template_id = #{templateId} AND grants > 0 AND member_id > #{after}
             ORDER BY member_id LIMIT #{limit}
            """)
    List<Long> withGrants(@Param("templateId") String templateId, @Param("after") long after, @Param("limit") int limit);

    /** Uses up one grant, only if one is left. */
    @Update("""
            UPDATE notify_subscription SET grants = grants - 1, updated_at = #{now}
             WHERE member_id = #{memberId} AND template_id = #{templateId} AND grants > 0
            """)
    int useGrant(@Param("memberId") long memberId, @Param("templateId") String templateId, @Param("now") Instant now);

    /** Claims today's reminder for a member; a second claim the same day fails on the primary key. */
    @Insert("""
            INSERT INTO notify_reminder_sent (member_id, remind_date, status, created_at)
            VALUES (#{memberId}, #{date}, 'SENDING', #{now})
            """)
    int claimReminder(@Param("memberId") long memberId, @Param("date") LocalDate date, @Param("now") Instant now);

    @Update("UPDATE notify_reminder_sent SET status = #{status} WHERE member_id = #{memberId} AND remind_date = #{date}")
    int finishReminder(@Param("memberId") long memberId, @Param("date") LocalDate date, @Param("status") String status);

    @Select("SELECT template_id, grants, updated_at FROM notify_subscription WHERE member_id = #{memberId} ORDER BY template_id")
    List<SubscriptionRow> ofMember(@Param("memberId") long memberId);

    @Delete("DELETE FROM notify_subscription WHERE member_id = #{memberId}")
    int deleteOfMember(@Param("memberId") long memberId);

    @Delete("DELETE FROM notify_reminder_sent WHERE member_id = #{memberId}")
    int deleteRemindersOf(@Param("memberId") long memberId);
}
