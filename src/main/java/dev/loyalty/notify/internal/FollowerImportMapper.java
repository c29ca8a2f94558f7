package dev.loyalty.notify.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The follower import's cursor ({@code notify_follower_import}) and its writes to {@code notify_follower}. */
@Mapper
interface FollowerImportMapper {

    @Select("SELECT next_openid FROM notify_follower_import WHERE name = #{name}")
    String cursor(@Param("name") String name);

    @Update("UPDATE notify_follower_import SET next_openid = #{next}, updated_at = #{now} WHERE name = #{name}")
    int moveCursor(@Param("name") String name, @Param("next") String next, @Param("now") Instant now);

    @Insert("INSERT INTO notify_follower_import (name, next_openid, updated_at) VALUES (#{name}, #{next}, #{now})")
    int createCursor(@Param("name") String name, @Param("next") String next, @Param("now") Instant now);

    /** A follower not known yet; a duplicate key when an event recorded them meanwhile. */
    @Insert("INSERT INTO notify_follower (mp_openid, unionid, subscribed, updated_at) VALUES (#{openid}, #{unionid}, TRUE, #{now})")
    int insertFollower(@Param("openid") String openid, @Param("unionid") String unionid, @Param("now") Instant now);

    /**
     * A known follower: the unionid when WeChat now gives one, and subscribed again unless an event changed
     * the row after the follower list was read (that event is newer news than the list).
     */
    @Update("""
            UPDATE notify_follower
               SET unionid = COALESCE(#{unionid}, unionid),
                   subscribed = CASE WHEN updated_at < #{listedAt} THEN TRUE ELSE subscribed END,
                   updated_at = #{now}
             WHERE mp_openid = #{openid}
            """)
    int refreshFollower(@Param("openid") String openid, @Param("unionid") String unionid,
            @Param("listedAt") Instant listedAt, @Param("now") Instant now);
}
