package dev.loyalty.open.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ApiKeyMapper extends BaseMapper<ApiKey> {

    default ApiKey findByKeyId(String keyId) {
        return selectOne(new LambdaQueryWrapper<ApiKey>().eq(ApiKey::getKeyId, keyId));
    }

    default List<ApiKey> ofStore(long storeId) {
        return selectList(new LambdaQueryWrapper<ApiKey>().eq(ApiKey::getStoreId, storeId).orderByAsc(ApiKey::getId));
    }

    /** Revokes a key once: 0 when it was revoked already. */
    @Update("UPDATE open_api_key SET revoked_at = #{at} WHERE id = #{id} AND revoked_at IS NULL")
    int revoke(@Param("id") long id, @Param("at") Instant at);

    /** Notes a use, unless one was noted since {@code notedSince}: at most one write a minute per key. */
    @Update("UPDATE open_api_key SET last_used_at = #{at} WHERE id = #{id}"
            + " AND (last_used_at IS NULL OR last_used_at < #{notedSince})")
    int touch(@Param("id") long id, @Param("at") Instant at, @Param("notedSince") Instant notedSince);
}
