package dev.loyalty.campaign.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** One row per campaign, member and period: a duplicate key means the campaign already reached the member. */
@Mapper
public interface CampaignRewardMapper {

    @Insert("""
            INSERT INTO campaign_reward (campaign_id, member_id, reward_period, outcome, detail, triggered_at)
            VALUES (#{campaignId}, #{memberId}, #{period}, #{outcome}, #{detail}, #{triggeredAt})
            """)
    int claim(@Param("campaignId") long campaignId, @Param("memberId") long memberId, @Param("period") int period,
            @Param("outcome") RewardOutcome outcome, @Param("detail") String detail,
            @Param("triggeredAt") Instant triggeredAt);

    @Update("""
            UPDATE campaign_reward SET coupon_id = #{couponId}, points_entry_id = #{entryId}
             WHERE campaign_id = #{campaignId} AND member_id = #{memberId} AND reward_period = #{period}
            """)
    int rewarded(@Param("campaignId") long campaignId, @Param("memberId") long memberId, @Param("period") int period,
            @Param("couponId") Long couponId, @Param("entryId") Long entryId);

    @Select("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = #{campaignId} AND outcome = #{outcome}")
    long countOf(@Param("campaignId") long campaignId, @Param("outcome") RewardOutcome outcome);

    /** The rows of one outcome: member, when it triggered, and the coupon given, for the report. */
    @Select("""
            SELECT member_id, triggered_at, coupon_id FROM campaign_reward
             WHERE campaign_id = #{campaignId} AND outcome = #{outcome} ORDER BY member_id
            """)
    List<Map<String, Object>> rowsOf(@Param("campaignId") long campaignId, @Param("outcome") RewardOutcome outcome);
}
