package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface WalletEntryMapper extends BaseMapper<WalletEntry> {

    default Optional<WalletEntry> findByKey(String key) {
        return Optional.ofNullable(selectOne(new LambdaQueryWrapper<WalletEntry>().eq(WalletEntry::getIdempotencyKey, key)));
    }
}
