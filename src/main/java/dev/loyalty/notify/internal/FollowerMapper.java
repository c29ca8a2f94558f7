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

    @Update("UPDATE notify_follower SET subscribed = #{subscribed}, updated_at = #{now} WHERE mp_openid = #{openid}")
    int markSubscribed(@Param("openid") String openid, @Param("subscribed") boolean subscribed, @Param("now") Instant now);

    @Update("UPDATE notify_follower SET unionid = #{unionid}, updated_at = #{now} WHERE mp_openid = #{openid}")
    int setUnionid(@Param("openid") String openid, @Param("unionid") String unionid, @Param("now") Instant now);
}
