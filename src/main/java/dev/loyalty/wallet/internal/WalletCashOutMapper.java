package dev.loyalty.wallet.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface WalletCashOutMapper extends BaseMapper<WalletCashOut> {

    /** Every cash-out of the member, oldest first (their data export). */
    @Select("SELECT * FROM wallet_cash_out WHERE member_id = #{memberId} ORDER BY id")
    List<WalletCashOut> ofMember(@Param("memberId") long memberId);
}
