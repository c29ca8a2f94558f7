package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MemberLevelMapper extends BaseMapper<MemberLevel> {

    default Optional<MemberLevel> findByCode(String code) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<MemberLevel>().eq(MemberLevel::getCode, code)));
    }
}
