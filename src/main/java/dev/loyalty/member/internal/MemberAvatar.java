package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("member_avatar")
public class MemberAvatar {

    @TableId(type = IdType.INPUT)
    private String id;
    private Long memberId;
    private String contentType;
    private Integer sizeBytes;
    private byte[] content;
    private Instant createdAt;

    public static MemberAvatar uploaded(String id, long memberId, ImageType type, byte[] content, Instant now) {
        MemberAvatar avatar = new MemberAvatar();
        avatar.id = id;
        avatar.memberId = memberId;
        avatar.contentType = type.contentType();
        avatar.sizeBytes = content.length;
        avatar.content = content;
        avatar.createdAt = now;
        return avatar;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Integer getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(Integer sizeBytes) { this.sizeBytes = sizeBytes; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] content) { this.content = content; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
