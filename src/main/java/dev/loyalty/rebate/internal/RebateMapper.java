package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RebateMapper extends BaseMapper<Rebate> {

    /** PENDING → CREDITED, once. */
    @Update("UPDATE rebate SET status = 'CREDITED', credited_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int markCredited(@Param("id") long id, @Param("now") Instant now);

    /** PENDING → REJECTED, once, with the operator's reason. */
    @Update("""
            UPDATE rebate SET status = 'REJECTED', reject_reason = #{reason}, rejected_at = #{now}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int markRejected(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

    /** The rebate, locked until the transaction ends: approving and rejecting it queue on this. */
    @Select("SELECT * FROM rebate WHERE id = #{id} FOR UPDATE")
    Rebate lock(@Param("id") long id);

    @Select("SELECT COALESCE(SUM(rebate_cents), 0) FROM rebate WHERE period = #{period}")
    long totalOf(@Param("period") String period);
}
