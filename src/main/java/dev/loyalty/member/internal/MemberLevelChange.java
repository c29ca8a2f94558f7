package dev.loyalty.member.internal;

import java.time.Instant;

/** A row of {@code member_level_change}: a level a member reached, with the growth that took them there. */
public class MemberLevelChange {

    private Long id;
    private String fromCode;
    private String toCode;
    private Long growth;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getFromCode() { return fromCode; }
    public void setFromCode(String fromCode) { this.fromCode = fromCode; }
    public String getToCode() { return toCode; }
    public void setToCode(String toCode) { this.toCode = toCode; }
    public Long getGrowth() { return growth; }
    public void setGrowth(Long growth) { this.growth = growth; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
