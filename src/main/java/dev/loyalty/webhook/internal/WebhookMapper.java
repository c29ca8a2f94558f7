package dev.loyalty.webhook.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface WebhookMapper extends BaseMapper<Webhook> {

    /** The webhooks not deleted, oldest first. */
    @Select("SELECT * FROM webhook WHERE deleted_at IS NULL ORDER BY id")
    List<Webhook> live();

    @Select("SELECT * FROM webhook WHERE id = #{id} AND deleted_at IS NULL")
    Webhook findLive(@Param("id") long id);

    @Update("UPDATE webhook SET deleted_at = #{now}, enabled = FALSE WHERE id = #{id} AND deleted_at IS NULL")
    int markDeleted(@Param("id") long id, @Param("now") Instant now);
}
