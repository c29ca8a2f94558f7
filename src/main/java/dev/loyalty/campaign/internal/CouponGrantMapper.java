package dev.loyalty.campaign.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponGrantMapper extends BaseMapper<CouponGrant> {

    @Select("SELECT * FROM campaign_grant WHERE idempotency_key = #{key}")
    Optional<CouponGrant> findByKey(@Param("key") String key);

    /** The first RUNNING grant after {@code afterId}, oldest first. */
    @Select("SELECT * FROM campaign_grant WHERE status = 'RUNNING' AND id > #{afterId} ORDER BY id LIMIT 1")
    Optional<CouponGrant> nextRunning(@Param("afterId") long afterId);

    /** Sets the counts to what the outcome rows say: a run starts from them, never from counts a crash left behind. */
    @Update("""
            UPDATE campaign_grant SET issued = #{issued}, skipped = #{skipped}, failed = #{failed}
             WHERE id = #{id} AND status = 'RUNNING'
            """)
    int recount(@Param("id") long id, @Param("issued") long issued, @Param("skipped") long skipped,
            @Param("failed") long failed);

    /** One batch done: the cursor moves past it and its outcomes are counted. */
    @Update("""
            UPDATE campaign_grant SET cursor_member_id = #{cursor}, issued = issued + #{issued},
                   skipped = skipped + #{skipped}, failed = failed + #{failed}, run_errors = 0
             WHERE id = #{id} AND status = 'RUNNING' AND cursor_member_id < #{cursor}
            """)
    int advance(@Param("id") long id, @Param("cursor") long cursor, @Param("issued") long issued,
            @Param("skipped") long skipped, @Param("failed") long failed);

    /** Every target done; what was reached is what was targeted. */
    @Update("""
            UPDATE campaign_grant SET status = 'DONE', targeted = issued + skipped + failed, finished_at = #{now}
             WHERE id = #{id} AND status = 'RUNNING'
            """)
    int finish(@Param("id") long id, @Param("now") Instant now);

    /**
     * A run broke off; the grant stays RUNNING for the next run until it broke off {@code maxErrors} times in
     * a row. (run_errors is assigned last: MySQL reads a column assigned earlier in the SET as its new value.)
     */
    @Update("""
            UPDATE campaign_grant SET status = CASE WHEN run_errors + 1 >= #{maxErrors} THEN 'FAILED' ELSE status END,
                   finished_at = CASE WHEN run_errors + 1 >= #{maxErrors} THEN #{now} ELSE finished_at END,
                   last_error = #{error}, run_errors = run_errors + 1
             WHERE id = #{id} AND status = 'RUNNING'
            """)
    int brokeOff(@Param("id") long id, @Param("error") String error, @Param("maxErrors") int maxErrors,
            @Param("now") Instant now);

    /** The next listed members of a grant after {@code afterId}, in id order. */
    @Select("""
            SELECT member_id FROM campaign_grant_target WHERE grant_id = #{grantId} AND member_id > #{afterId}
             ORDER BY member_id LIMIT #{limit}
            """)
    List<Long> listedAfter(@Param("grantId") long grantId, @Param("afterId") long afterId, @Param("limit") int limit);

    @org.apache.ibatis.annotations.Insert("""
            <script>
            INSERT INTO campaign_grant_target (grant_id, member_id) VALUES
            <foreach collection="memberIds" item="m" separator=",">(#{grantId}, #{m})</foreach>
            </script>
            """)
    int list(@Param("grantId") long grantId, @Param("memberIds") List<Long> memberIds);
}
