package dev.loyalty.member.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;
import dev.loyalty.member.MemberStatus;
import dev.loyalty.member.Segment;

@TableName("member")
public class Member {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String openid;
    private String unionid;
    private String nickname;
    private String avatarUrl;
    private LocalDate birthday;
    private String phoneCipher;
    private String phoneMasked;
    private String levelCode;
    private Long growth;
    private Segment segment;
    private LocalDate lastActiveOn;
    private Instant createdAt;
    private Instant updatedAt;
    private MemberStatus status;
    private Instant deletedAt;

    public static Member joining(String openid, String unionid, String nickname, String avatarUrl, Instant now) {
        Member member = new Member();
        member.openid = openid;
        member.unionid = unionid;
        member.nickname = nickname;
        member.avatarUrl = avatarUrl;
        member.levelCode = "BASE";
        member.status = MemberStatus.ACTIVE;
        member.growth = 0L;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getOpenid() { return openid; }
    public void setOpenid(String openid) { this.openid = openid; }
    public String getUnionid() { return unionid; }
    public void setUnionid(String unionid) { this.unionid = unionid; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public LocalDate getBirthday() { return birthday; }
    public void setBirthday(LocalDate birthday) { this.birthday = birthday; }
    public String getPhoneCipher() { return phoneCipher; }
    public void setPhoneCipher(String phoneCipher) { this.phoneCipher = phoneCipher; }
    public String getPhoneMasked() { return phoneMasked; }
    public void setPhoneMasked(String phoneMasked) { this.phoneMasked = phoneMasked; }
    public String getLevelCode() { return levelCode; }
    public void setLevelCode(String levelCode) { this.levelCode = levelCode; }
    public Long getGrowth() { return growth; }
    public void setGrowth(Long growth) { this.growth = growth; }
    public Segment getSegment() { return segment; }
    public void setSegment(Segment segment) { this.segment = segment; }
    public LocalDate getLastActiveOn() { return lastActiveOn; }
    public void setLastActiveOn(LocalDate lastActiveOn) { this.lastActiveOn = lastActiveOn; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public MemberStatus getStatus() { return status; }
    public void setStatus(MemberStatus status) { this.status = status; }
    public Instant getDeletedAt() { return deletedAt; }
    public void setDeletedAt(Instant deletedAt) { this.deletedAt = deletedAt; }
}
