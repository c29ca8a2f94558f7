package dev.loyalty.campaign;

import dev.loyalty.member.Segment;
import java.time.LocalDate;

/**
 * A campaign as an operator writes it: {@code segment} only for SEGMENT_ENTERED, {@code levelCode} only for
 * LEVEL_REACHED; {@code templateId}, {@code points} or both.
 */
public record CampaignCommand(String name, CampaignTrigger trigger, Segment segment, String levelCode, Long templateId,
        Long points, long budget, LocalDate startsOn, LocalDate endsOn, boolean enabled, int holdoutPercent) {
}
