package dev.loyalty.integrity.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface IntegrityRunMapper extends BaseMapper<IntegrityRun> {

    /** The last completed run, or null before the first. */
    @Select("SELECT * FROM integrity_run ORDER BY id DESC LIMIT 1")
    IntegrityRun last();
}
