package dev.loyalty.campaign;

import dev.loyalty.member.Segment;
import java.time.Instant;
import java.time.LocalDate;

/** A campaign as operators see it; {@code rewarded} counts the rewards given, never more than {@code budget}. */
public record CampaignView(long id, String name, CampaignTrigger trigger, Segment segment, String levelCode,
        Long templateId, Long points, long budget, long rewarded, LocalDate startsOn, LocalDate endsOn, boolean enabled,
        int holdoutPercent, long createdBy, Instant createdAt, Instant updatedAt) {
}
