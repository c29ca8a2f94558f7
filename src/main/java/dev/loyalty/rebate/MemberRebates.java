package dev.loyalty.rebate;

import java.util.List;

/** A member's rebate page: this period so far, the rate it has reached, the next tier, and history. */
public record MemberRebates(String period, long spentCents, int rate, NextTier nextTier, List<History> history) {

    public record NextTier(long thresholdCents, int rate, long centsToGo) {
    }

    public record History(String period, long spentCents, long rebateCents, String status,
            RebatePolicyView.CreditAs creditedAs) {
    }
}
