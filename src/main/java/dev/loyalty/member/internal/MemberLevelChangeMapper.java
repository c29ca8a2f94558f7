package dev.loyalty.member.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MemberLevelChangeMapper {

    @Insert("""
            INSERT INTO member_level_change (member_id, from_code, to_code, growth, created_at)
            VALUES (#{memberId}, #{from}, #{to}, #{growth}, #{now})
            """)
    int record(@Param("memberId") long memberId, @Param("from") String from, @Param("to") String to,
            @Param("growth") long growth, @Param("now") Instant now);

    /** Adds growth atomically; no read-then-write. */
    @Update("UPDATE member SET growth = growth + #{n}, updated_at = #{now} WHERE id = #{memberId}")
    int addGrowth(@Param("memberId") long memberId, @Param("n") long n, @Param("now") Instant now);

    /** Growth and level in one read: after {@link #addGrowth} the row is this transaction's, so both are current. */
    @Select("SELECT growth, level_code FROM member WHERE id = #{memberId}")
    Member growthAndLevel(@Param("memberId") long memberId);

    /** Moves the member to {@code to}, only from the level this transaction saw. */
    @Update("UPDATE member SET level_code = #{to} WHERE id = #{memberId} AND level_code = #{from}")
    int moveLevel(@Param("memberId") long memberId, @Param("from") String from, @Param("to") String to);

    /** The member's level changes, oldest first. */
    @Select("SELECT id, from_code, to_code, growth, created_at FROM member_level_change WHERE member_id = #{memberId} ORDER BY id")
    List<MemberLevelChange> ofMember(@Param("memberId") long memberId);
}
