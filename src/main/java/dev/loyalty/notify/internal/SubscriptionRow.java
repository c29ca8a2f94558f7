package dev.loyalty.notify.internal;

import java.time.Instant;

/** A row of {@code notify_subscription}, as read for a member's export. */
public class SubscriptionRow {

    private String templateId;
    private Integer grants;
    private Instant updatedAt;

    public String getTemplateId() { return templateId; }
    public void setTemplateId(String templateId) { this.templateId = templateId; }
    public Integer getGrants() { return grants; }
    public void setGrants(Integer grants) { this.grants = grants; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
