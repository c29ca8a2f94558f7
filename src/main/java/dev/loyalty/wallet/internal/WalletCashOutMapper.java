package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface WalletCashOutMapper extends BaseMapper<WalletCashOut> {
}
