package dev.loyalty.notify.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A follower of the official account; joined to a member by unionid. */
@TableName("notify_follower")
public class Follower {

    @TableId(type = IdType.INPUT)
    private String mpOpenid;
    private String unionid;
    private Boolean subscribed;
    private Instant updatedAt;
    private Long memberId;

    public String getMpOpenid() { return mpOpenid; }
    public void setMpOpenid(String mpOpenid) { this.mpOpenid = mpOpenid; }
    public String getUnionid() { return unionid; }
    public void setUnionid(String unionid) { this.unionid = unionid; }
    public Boolean getSubscribed() { return subscribed; }
    public void setSubscribed(Boolean subscribed) { this.subscribed = subscribed; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
}
