package dev.loyalty.counter.internal;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Member codes already spent; the primary key on the code lets exactly one movement spend it. */
@Mapper
public interface MemberCodeUseMapper {

    @Insert("INSERT INTO counter_member_code_use (code, member_id, used_for, used_at) VALUES (#{code}, #{memberId}, #{usedFor}, #{at})")
    int insert(@Param("code") String code, @Param("memberId") long memberId, @Param("usedFor") String usedFor,
            @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM counter_member_code_use WHERE code = #{code}")
    int count(@Param("code") String code);

    @Delete("DELETE FROM counter_member_code_use WHERE used_at < #{before}")
    int purge(@Param("before") Instant before);
}
