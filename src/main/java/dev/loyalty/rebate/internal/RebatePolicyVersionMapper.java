package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RebatePolicyVersionMapper extends BaseMapper<RebatePolicyVersion> {

    /** The newest version written: the policy as operators last set it. */
    @Select("SELECT * FROM rebate_policy_version ORDER BY version DESC LIMIT 1")
    RebatePolicyVersion current();

    /**
     * The version in force at {@code at}: the newest one (highest number) in force from {@code at} or before.
     * With a clock that only moves forward that is also the one with the latest {@code effective_from}.
     */
    @Select("SELECT * FROM rebate_policy_version WHERE effective_from <= #{at} ORDER BY version DESC LIMIT 1")
    RebatePolicyVersion inForceAt(@Param("at") Instant at);

    /** A new version, numbered one past the newest; two writers at once collide on the primary key. */
    @Insert("""
            INSERT INTO rebate_policy_version (version, period_type, credit_as, auto_approve, tiers, max_cents,
                                               expires_days, remind_within_cents, remind_days_before,
                                               effective_from, created_at)
            VALUES (#{version}, #{periodType}, #{creditAs}, #{autoApprove}, #{tiers}, #{maxCents}, #{expiresDays},
                    #{remindWithinCents}, #{remindDaysBefore}, #{effectiveFrom}, #{createdAt})
            """)
    int add(RebatePolicyVersion version);
}
