package dev.loyalty.campaign;

/**
 * What makes a campaign reward a member: their first login (JOINED), their birthday (BIRTHDAY, once a year, by
 * the daily {@code campaigns} job), the segment job moving them into the campaign's segment (SEGMENT_ENTERED),
 * or reaching the campaign's level (LEVEL_REACHED).
 */
public enum CampaignTrigger {
    JOINED, BIRTHDAY, SEGMENT_ENTERED, LEVEL_REACHED
}
