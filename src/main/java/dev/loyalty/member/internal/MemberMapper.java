package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import dev.loyalty.member.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MemberMapper extends BaseMapper<Member> {

    /** What an award reads of a member, and nothing more (sign-ins and purchases read it on every award). */
    @Select("SELECT id, level_code, birthday FROM member WHERE id = #{id}")
    Member awardProfile(@Param("id") long id);

    /** Null when the member is unknown or WeChat gave no unionid; every notification sent asks it. */
    @Select("SELECT unionid FROM member WHERE id = #{id}")
    String unionid(@Param("id") long id);

    @Select("SELECT MIN(id) FROM member WHERE unionid = #{unionid}")
    Long idByUnionid(@Param("unionid") String unionid);

    @Select("SELECT COUNT(*) FROM member WHERE id = #{id}")
    int countById(@Param("id") long id);

    /** 1 for a member who has not deleted their account; the counter asks it on every scan of a member code. */
    @Select("SELECT COUNT(*) FROM member WHERE id = #{id} AND deleted_at IS NULL")
    int countActiveById(@Param("id") long id);

    @Select("SELECT status FROM member WHERE id = #{id}")
    MemberStatus status(@Param("id") long id);

    /**
     * Erases what identifies the member and marks the row DELETED, once. The WeChat ids become NULL, so the
     * unique openid index lets the same WeChat account join again as a new member.
     */
    @org.apache.ibatis.annotations.Update("""
            UPDATE member
               SET openid = NULL, unionid = NULL, nickname = #{nickname}, avatar_url = NULL, birthday = NULL,
                   phone_cipher = NULL, phone_masked = NULL, status = 'DELETED', deleted_at = #{now}, updated_at = #{now}
             WHERE id = #{id} AND status = 'ACTIVE'
            """)
    int erase(@Param("id") long id, @Param("nickname") String nickname, @Param("now") Instant now);

    /** The members deleted at or after {@code since}: id and deletedAt only. */
    @Select("SELECT id, deleted_at FROM member WHERE deleted_at >= #{since}")
    List<Member> deletedSince(@Param("since") Instant since);

    /** Members born on this month and day (and on 29 February when {@code alsoLeapDay}), in id order. */
    @Select("""
            SELECT id FROM member
             WHERE birthday IS NOT NULL AND id > #{afterId}
               AND ((MONTH(birthday) = #{month} AND DAY(birthday) = #{day})
                    OR (#{alsoLeapDay} AND MONTH(birthday) = 2 AND DAY(birthday) = 29))
             ORDER BY id LIMIT #{limit}
            """)
    List<Long> birthdaysAfter(@Param("month") int month, @Param("day") int day, @Param("alsoLeapDay") boolean alsoLeapDay,
            @Param("afterId") long afterId, @Param("limit") int limit);

    @Select("SELECT * FROM member WHERE openid = #{openid}")
    Optional<Member> findByOpenid(@Param("openid") String openid);
}
