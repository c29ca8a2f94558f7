package dev.loyalty.notify.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A message to send: PENDING → SENDING (claimed) → SENT, or back to PENDING to retry, FAILED or SKIPPED. */
@TableName("notification")
public class Notification {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private String kind;
    private String sourceKey;
    private String changeText;
    private String balanceText;
    private String page;
    private String status;
    private Integer attempts;
    private String lastError;
    private String toOpenid;
    private Instant nextAttemptAt;
    private Instant claimedAt;
    private Instant createdAt;
    private Instant sentAt;
    private String subject;
    private String detail;
    private Long delta;
    private Long balance;
    private String channel;

    /**
     * A message about one change: {@code subject} is what happened (points, wallet), the coupon's name or the
     * new level; {@code detail} what happened to a coupon; {@code delta} and {@code balance} the points or
     * cents moved and left. {@code changeText} and {@code balanceText} say the same in words, for operators.
     */
    public static Notification of(long memberId, MessageKind kind, String sourceKey, String subject, String detail,
            Long delta, Long balance, String changeText, String balanceText, Instant now) {
        Notification n = new Notification();
        n.memberId = memberId;
        n.kind = kind.name();
        n.sourceKey = sourceKey;
        n.subject = subject;
        n.detail = detail;
        n.delta = delta;
        n.balance = balance;
        n.changeText = changeText;
        n.balanceText = balanceText;
        n.page = "";
        n.status = "PENDING";
        n.attempts = 0;
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public String getChangeText() { return changeText; }
    public void setChangeText(String changeText) { this.changeText = changeText; }
    public String getBalanceText() { return balanceText; }
    public void setBalanceText(String balanceText) { this.balanceText = balanceText; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public String getToOpenid() { return toOpenid; }
    public void setToOpenid(String toOpenid) { this.toOpenid = toOpenid; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Instant getClaimedAt() { return claimedAt; }
    public void setClaimedAt(Instant claimedAt) { this.claimedAt = claimedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getSentAt() { return sentAt; }
    public void setSentAt(Instant sentAt) { this.sentAt = sentAt; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public Long getDelta() { return delta; }
    public void setDelta(Long delta) { this.delta = delta; }
    public Long getBalance() { return balance; }
    public void setBalance(Long balance) { this.balance = balance; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
}
