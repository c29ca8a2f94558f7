package dev.loyalty.audit.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AuditEntryMapper extends BaseMapper<AuditEntry> {

    /** The ids of the oldest entries written before {@code before}, at most {@code limit}, oldest first. */
    @Select("SELECT id FROM audit_log WHERE created_at < #{before} ORDER BY created_at, id LIMIT #{limit}")
    List<Long> writtenBefore(@Param("before") Instant before, @Param("limit") int limit);
}
