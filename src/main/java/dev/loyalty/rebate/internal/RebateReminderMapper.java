package dev.loyalty.rebate.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RebateReminderMapper {

    /** Claims the one reminder of a member and period; a second claim is a duplicate key. */
    @Insert("""
            INSERT INTO rebate_reminder (member_id, period, policy_version, spent_cents, cents_to_go, rate_percent,
                                         created_at)
            VALUES (#{memberId}, #{period}, #{policyVersion}, #{spentCents}, #{centsToGo}, #{ratePercent}, #{now})
            """)
    int claim(@Param("memberId") long memberId, @Param("period") String period,
            @Param("policyVersion") long policyVersion, @Param("spentCents") long spentCents,
            @Param("centsToGo") long centsToGo, @Param("ratePercent") int ratePercent, @Param("now") Instant now);
}
