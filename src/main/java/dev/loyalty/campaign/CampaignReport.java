package dev.loyalty.campaign;

/**
 * What a campaign did: members rewarded, held out (the control group, given nothing) and skipped (their coupon
 * was refused); how many of its coupons were used; and for the rewarded and the held-out groups apart, how many
 * came back (signed in or bought) and what they spent in the 30 days after their trigger.
 */
public record CampaignReport(long campaignId, long rewarded, long heldOut, long skipped, long couponsUsed,
        Group rewardedGroup, Group heldOutGroup) {

    /**
     * One group: its {@code members}, those who signed in (makeups count) or bought at a counter in the 30 days
     * from their trigger ({@code cameBack}), and their spend in those days less refunds ({@code spendCents}).
     */
    public record Group(long members, long cameBack, long spendCents) {
    }
}
