package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface RebatePolicyMapper extends BaseMapper<RebatePolicyRow> {
}
