package dev.loyalty.notify.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** One-time scenes of the bind QR codes: which member showed the code, until when, and whether it was used. */
@Mapper
public interface BindSceneMapper {

    @Insert("INSERT INTO notify_bind_scene (scene, member_id, expires_at) VALUES (#{scene}, #{memberId}, #{expiresAt})")
    int add(@Param("scene") String scene, @Param("memberId") long memberId, @Param("expiresAt") Instant expiresAt);

    /** Uses the scene up: 1 for the first scan before it expires, 0 for any other. */
    @Update("""
            UPDATE notify_bind_scene SET used_at = #{now}
             WHERE scene = #{scene} AND used_at IS NULL AND expires_at > #{now}
            """)
    int use(@Param("scene") String scene, @Param("now") Instant now);

    @Select("SELECT member_id FROM notify_bind_scene WHERE scene = #{scene}")
    Long memberOf(@Param("scene") String scene);

    @Delete("DELETE FROM notify_bind_scene WHERE member_id = #{memberId}")
    int deleteOfMember(@Param("memberId") long memberId);
}
