package dev.loyalty.counter.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A member bound to one store's counter. */
@TableName("counter_staff")
public class Staff {

    @TableId(type = IdType.INPUT)
    private Long memberId;
    private Long storeId;
    private Instant createdAt;

    public static Staff of(long memberId, long storeId, Instant now) {
        Staff staff = new Staff();
        staff.memberId = memberId;
        staff.storeId = storeId;
        staff.createdAt = now;
        return staff;
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
