package dev.loyalty.rebate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The highest tier whose threshold a member's spend reaches sets the rate for all of that spend. */
public record RebatePolicyView(PeriodType periodType, CreditAs creditAs, boolean autoApprove, List<Tier> tiers) {

    public enum PeriodType { MONTH, QUARTER }

    public enum CreditAs { WALLET, POINTS }

    public record Tier(long thresholdCents, int ratePercent) {
    }

    public Optional<Tier> tierFor(long spentCents) {
        return tiers.stream().filter(t -> spentCents >= t.thresholdCents()).max(Comparator.comparingLong(Tier::thresholdCents));
    }

    public Optional<Tier> nextTierAfter(long spentCents) {
        return tiers.stream().filter(t -> spentCents < t.thresholdCents()).min(Comparator.comparingLong(Tier::thresholdCents));
    }
}
