package dev.loyalty.admin.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AdminAccountMapper extends BaseMapper<AdminAccount> {

    default Optional<AdminAccount> findByUsername(String username) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<AdminAccount>().eq(AdminAccount::getUsername, username)));
    }
}
