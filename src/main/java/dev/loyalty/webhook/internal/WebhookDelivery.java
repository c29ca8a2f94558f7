package dev.loyalty.webhook.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One event for one webhook: PENDING until the receiver answers 2xx (DELIVERED) or the attempts run out (FAILED). */
@TableName("webhook_delivery")
public class WebhookDelivery {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long webhookId;
    private String eventId;
    private String type;
    private String payload;
    private String status;
    private Integer attempts;
    private Integer lastStatusCode;
    private String lastError;
    private Instant nextAttemptAt;
    private Instant deliveredAt;
    private Instant createdAt;

    static WebhookDelivery pending(long webhookId, String eventId, String type, String payload, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.webhookId = webhookId;
        d.eventId = eventId;
        d.type = type;
        d.payload = payload;
        d.status = "PENDING";
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getWebhookId() { return webhookId; }
    public void setWebhookId(Long webhookId) { this.webhookId = webhookId; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public Integer getLastStatusCode() { return lastStatusCode; }
    public void setLastStatusCode(Integer lastStatusCode) { this.lastStatusCode = lastStatusCode; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(Instant deliveredAt) { this.deliveredAt = deliveredAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
