package dev.loyalty.campaign.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** One row per grant and member: the outcome, and the coupon and points entry an issue wrote. */
@Mapper
public interface GrantMemberMapper {

    /** Claims the member for the grant; a duplicate key means the grant already reached them. */
    @Insert("""
            INSERT INTO campaign_grant_member (grant_id, member_id, outcome, detail, created_at)
            VALUES (#{grantId}, #{memberId}, #{outcome}, #{detail}, #{now})
            """)
    int claim(@Param("grantId") long grantId, @Param("memberId") long memberId, @Param("outcome") GrantOutcome outcome,
            @Param("detail") String detail, @Param("now") Instant now);

    @Update("""
            UPDATE campaign_grant_member SET coupon_id = #{couponId}, points_entry_id = #{entryId}
             WHERE grant_id = #{grantId} AND member_id = #{memberId}
            """)
    int issued(@Param("grantId") long grantId, @Param("memberId") long memberId, @Param("couponId") Long couponId,
            @Param("entryId") Long entryId);

    @Select("""
            <script>
            SELECT member_id FROM campaign_grant_member WHERE grant_id = #{grantId} AND member_id IN
            <foreach collection="memberIds" item="m" open="(" separator="," close=")">#{m}</foreach>
            </script>
            """)
    List<Long> reachedAmong(@Param("grantId") long grantId, @Param("memberIds") List<Long> memberIds);

    @Select("SELECT outcome, COUNT(*) AS n FROM campaign_grant_member WHERE grant_id = #{grantId} GROUP BY outcome")
    List<Map<String, Object>> countByOutcome(@Param("grantId") long grantId);
}
