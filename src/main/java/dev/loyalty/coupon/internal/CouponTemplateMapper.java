package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import dev.loyalty.common.error.NotFoundException;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponTemplateMapper extends BaseMapper<CouponTemplate> {

    /** The template, or {@link NotFoundException}. */
    default CouponTemplate require(long id) {
        CouponTemplate template = selectById(id);
        if (template == null) {
            throw new NotFoundException("Coupon template", id);
        }
        return template;
    }

    /** Takes one unit of stock, only if one is left. */
    @Update("UPDATE coupon_template SET taken = taken + 1 WHERE id = #{id} AND taken < total_stock")
    int takeOne(@Param("id") long id);

    @Update("UPDATE coupon_template SET taken = taken - 1 WHERE id = #{id} AND taken > 0")
    int returnOne(@Param("id") long id);
}
