package dev.loyalty.campaign;

/** What a campaign did: members rewarded, held out (the control group) and skipped (their coupon was refused). */
public record CampaignReport(long campaignId, long rewarded, long heldOut, long skipped) {
}
