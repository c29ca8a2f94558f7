package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MemberAvatarMapper extends BaseMapper<MemberAvatar> {

    /** What serving an avatar needs, by its id. */
    @Select("SELECT id, content_type, content FROM member_avatar WHERE id = #{id}")
    MemberAvatar findContent(@Param("id") String id);

    /** The member's earlier uploads, once a new one has replaced them. */
    @Delete("DELETE FROM member_avatar WHERE member_id = #{memberId} AND id <> #{keep}")
    int deleteOthers(@Param("memberId") long memberId, @Param("keep") String keep);

    /** Every upload of a member, when they delete their account. */
    @Delete("DELETE FROM member_avatar WHERE member_id = #{memberId}")
    int deleteAllOf(@Param("memberId") long memberId);
}
