package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
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
