package dev.loyalty.signin.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface SignInRuleMapper extends BaseMapper<SignInRule> {
}
