package dev.loyalty.admin.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AdminAccountMapper extends BaseMapper<AdminAccount> {

    default Optional<AdminAccount> findByUsername(String username) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<AdminAccount>().eq(AdminAccount::getUsername, username)));
    }

    @Select("SELECT COUNT(*) FROM admin_account WHERE id = #{id} AND enabled = TRUE")
    int countEnabled(@Param("id") long id);
}
