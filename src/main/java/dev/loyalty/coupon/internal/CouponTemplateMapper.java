package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import dev.loyalty.common.error.NotFoundException;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponTemplateMapper extends BaseMapper<CouponTemplate> {

    @Select("SELECT * FROM coupon_template WHERE id = #{id}")
    Optional<CouponTemplate> findById(@Param("id") long id);

    /** The template, or {@link NotFoundException}. */
    static CouponTemplate require(CouponTemplateMapper templates, long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("Coupon template", id));
    }

    /** Takes one unit of stock, only if one is left. */
    @Update("UPDATE coupon_template SET taken = taken + 1 WHERE id = #{id} AND taken < total_stock")
    int takeOne(@Param("id") long id);

    @Update("UPDATE coupon_template SET taken = taken - 1 WHERE id = #{id} AND taken > 0")
    int returnOne(@Param("id") long id);
}
