package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MemberMapper extends BaseMapper<Member> {

    default Optional<Member> findByOpenid(String openid) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<Member>().eq(Member::getOpenid, openid)));
    }
}
