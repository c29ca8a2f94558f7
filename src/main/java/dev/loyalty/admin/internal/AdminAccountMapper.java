package dev.loyalty.admin.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AdminAccountMapper extends BaseMapper<AdminAccount> {

    default Optional<AdminAccount> findByUsername(String username) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<AdminAccount>().eq(AdminAccount::getUsername, username)));
    }

    /** What every admin request needs: whether the account stands, and its role and store. */
    @Select("SELECT id, role, store_id, enabled, password_changed_at FROM admin_account WHERE id = #{id}")
    AdminAccount standing(@Param("id") long id);

    @Select("SELECT * FROM admin_account WHERE id = #{id} FOR UPDATE")
    AdminAccount lock(@Param("id") long id);

    /** The enabled owners, locked, so two owners cannot demote each other at once and leave none. */
    @Select("SELECT id FROM admin_account WHERE role = 'OWNER' AND enabled = TRUE ORDER BY id FOR UPDATE")
    List<Long> lockEnabledOwners();

    @Update("UPDATE admin_account SET password_hash = #{hash}, password_changed_at = #{at} WHERE id = #{id}")
    int changePassword(@Param("id") long id, @Param("hash") String hash, @Param("at") Instant at);
}
