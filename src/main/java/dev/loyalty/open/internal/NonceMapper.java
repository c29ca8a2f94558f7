package dev.loyalty.open.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Nonces signed requests used; the primary key (key, nonce) admits each nonce once per key. */
@Mapper
public interface NonceMapper {

    /** Throws a duplicate key when the key used this nonce before (and the row was not purged yet). */
    @Insert("INSERT INTO open_request_nonce (api_key_id, nonce, created_at) VALUES (#{keyId}, #{nonce}, #{at})")
    int insert(@Param("keyId") long apiKeyId, @Param("nonce") byte[] nonce, @Param("at") Instant at);

    /** Removes one nonce if it was used before {@code before}: it may be used again. */
    @Delete("DELETE FROM open_request_nonce WHERE api_key_id = #{keyId} AND nonce = #{nonce} AND created_at < #{before}")
    int deleteIfBefore(@Param("keyId") long apiKeyId, @Param("nonce") byte[] nonce, @Param("before") Instant before);

    @Delete("DELETE FROM open_request_nonce WHERE created_at < #{before}")
    int purge(@Param("before") Instant before);
}
