package dev.loyalty.audit.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AuditEntryMapper extends BaseMapper<AuditEntry> {
}
