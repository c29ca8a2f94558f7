package dev.loyalty.campaign.internal;

/** What a campaign did for one member in one period: rewarded them, held them out, or was refused the coupon. */
public enum RewardOutcome {
    REWARDED, HELD_OUT, SKIPPED
}
