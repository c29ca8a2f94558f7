package dev.loyalty.rebate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The highest tier whose threshold a member's spend reaches sets the rate for all of that spend; a member
 * gets at most {@code maxCents} a period (null: no cap). A rebate credited to the wallet lapses
 * {@code expiresDays} after crediting (null: never). Members within {@code remindWithinCents} of the next
 * tier are reminded once in the last {@code remindDaysBefore} days of a period (either null: no reminders).
 * {@code version} and {@code effectiveFrom} say which version this is and since when it is in force (null
 * on a change not yet written).
 */
public record RebatePolicyView(PeriodType periodType, CreditAs creditAs, boolean autoApprove, List<Tier> tiers,
        Long maxCents, Integer expiresDays, Long remindWithinCents, Integer remindDaysBefore, Long version,
        Instant effectiveFrom) {

    public enum PeriodType { MONTH, QUARTER }

    public enum CreditAs { WALLET, POINTS }

    public record Tier(long thresholdCents, int ratePercent) {
    }

    /** A change without cap, expiry or reminders. */
    public RebatePolicyView(PeriodType periodType, CreditAs creditAs, boolean autoApprove, List<Tier> tiers) {
        this(periodType, creditAs, autoApprove, tiers, null, null, null, null);
    }

    /** A change, not yet a version. */
    public RebatePolicyView(PeriodType periodType, CreditAs creditAs, boolean autoApprove, List<Tier> tiers,
            Long maxCents, Integer expiresDays, Long remindWithinCents, Integer remindDaysBefore) {
        this(periodType, creditAs, autoApprove, tiers, maxCents, expiresDays, remindWithinCents, remindDaysBefore,
                null, null);
    }

    public Optional<Tier> tierFor(long spentCents) {
        return tiers.stream().filter(t -> spentCents >= t.thresholdCents()).max(Comparator.comparingLong(Tier::thresholdCents));
    }

    public Optional<Tier> nextTierAfter(long spentCents) {
        return tiers.stream().filter(t -> spentCents < t.thresholdCents()).min(Comparator.comparingLong(Tier::thresholdCents));
    }

    /** The rebate on a period's spend at a tier's rate before the cap (rounded down to the cent). */
    static long uncapped(long spentCents, Tier tier) {
        return Math.multiplyExact(spentCents, (long) tier.ratePercent()) / 100;
    }

    /** The rebate after the cap. */
    long capped(long uncappedCents) {
        return maxCents == null ? uncappedCents : Math.min(uncappedCents, maxCents);
    }

    boolean reminds() {
        return remindWithinCents != null && remindDaysBefore != null;
    }
}
