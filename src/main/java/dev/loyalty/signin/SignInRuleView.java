package dev.loyalty.signin;

import java.util.List;

/**
 * The sign-in rule: {@code basePoints} every day, plus the bonus for the streak's position in a cycle of
 * {@code cycleDays}; makeup sign-in for a missed day within {@code windowDays}, at most {@code monthlyLimit}
 * a month, costing {@code costPoints}; on the member's birthday the first sign-in also earns
 * {@code birthdayBonusPoints}, once a year.
 */
public record SignInRuleView(long basePoints, int cycleDays, List<StreakBonus> streakBonuses, Makeup makeup,
        long birthdayBonusPoints) {

    public record StreakBonus(int day, long points) {
    }

    public record Makeup(boolean enabled, int windowDays, int monthlyLimit, long costPoints) {
    }

    /** The bonus for a streak of {@code streak} days: the position in the cycle decides. */
    public long bonusFor(int streak) {
        int position = (streak - 1) % cycleDays + 1;
        return streakBonuses.stream().filter(b -> b.day() == position).mapToLong(StreakBonus::points).sum();
    }
}
