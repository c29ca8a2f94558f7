package dev.loyalty.notify.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface FollowerMapper extends BaseMapper<Follower> {

    @Select("""
            SELECT * FROM notify_follower WHERE unionid = #{unionid} AND subscribed = TRUE
             ORDER BY updated_at DESC LIMIT 1
            """)
    Optional<Follower> subscribedByUnionid(@Param("unionid") String unionid);

    /** The follower linked to the member (by unionid or a bind QR code), if they still follow. */
    @Select("""
            SELECT * FROM notify_follower WHERE member_id = #{memberId} AND subscribed = TRUE
             ORDER BY updated_at DESC LIMIT 1
            """)
    Optional<Follower> subscribedByMember(@Param("memberId") long memberId);

    @Select("SELECT * FROM notify_follower WHERE member_id = #{memberId} ORDER BY updated_at DESC LIMIT 1")
    Optional<Follower> linkedTo(@Param("memberId") long memberId);

    @Select("SELECT * FROM notify_follower WHERE mp_openid = #{openid}")
    Optional<Follower> find(@Param("openid") String openid);

    /** Links the follower to the member; one follower per member, so a link the member had before goes. */
    @Update("UPDATE notify_follower SET member_id = #{memberId}, updated_at = #{now} WHERE mp_openid = #{openid}")
    int link(@Param("openid") String openid, @Param("memberId") long memberId, @Param("now") Instant now);

    @Update("UPDATE notify_follower SET member_id = NULL WHERE member_id = #{memberId} AND mp_openid <> #{openid}")
    int unlinkOthers(@Param("openid") String openid, @Param("memberId") long memberId);

    /** Links every follower of this unionid (Open Platform) to the member who has it. */
    @Update("UPDATE notify_follower SET member_id = #{memberId} WHERE unionid = #{unionid} AND member_id IS NULL")
    int linkUnionid(@Param("unionid") String unionid, @Param("memberId") long memberId);

    @Update("UPDATE notify_follower SET subscribed = #{subscribed}, updated_at = #{now} WHERE mp_openid = #{openid}")
    int markSubscribed(@Param("openid") String openid, @Param("subscribed") boolean subscribed, @Param("now") Instant now);

    /** The follower's unionid, and the member who has it (if any, and unless a bind QR code linked one already). */
    @Update("""
            UPDATE notify_follower SET unionid = #{unionid}, member_id = COALESCE(member_id, #{memberId}), updated_at = #{now}
             WHERE mp_openid = #{openid}
            """)
    int setUnionid(@Param("openid") String openid, @Param("unionid") String unionid, @Param("memberId") Long memberId,
            @Param("now") Instant now);
}
