package dev.loyalty.integrity.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface IntegrityDriftMapper extends BaseMapper<IntegrityDrift> {

    @Select("SELECT * FROM integrity_drift WHERE run_id = #{runId} ORDER BY id")
    List<IntegrityDrift> ofRun(@Param("runId") long runId);
}
