package dev.loyalty.coupon.internal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** How many of a template each member holds; the guarded increment is the per-member limit. */
@Mapper
public interface MemberQuotaMapper {

    @Select("SELECT taken FROM coupon_member_quota WHERE template_id = #{templateId} AND member_id = #{memberId}")
    Integer taken(@Param("templateId") long templateId, @Param("memberId") long memberId);

    @Insert("INSERT INTO coupon_member_quota (template_id, member_id, taken) VALUES (#{templateId}, #{memberId}, 0)")
    int create(@Param("templateId") long templateId, @Param("memberId") long memberId);

    @Update("""
            UPDATE coupon_member_quota SET taken = taken + 1
             WHERE template_id = #{templateId} AND member_id = #{memberId} AND taken < #{limit}
            """)
    int takeOne(@Param("templateId") long templateId, @Param("memberId") long memberId, @Param("limit") int limit);

    @Update("""
            UPDATE coupon_member_quota SET taken = taken - 1
             WHERE template_id = #{templateId} AND member_id = #{memberId} AND taken > 0
            """)
    int returnOne(@Param("templateId") long templateId, @Param("memberId") long memberId);
}
