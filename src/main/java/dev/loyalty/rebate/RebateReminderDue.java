package dev.loyalty.rebate;

import java.time.LocalDate;

/**
 * A member is {@code centsToGo} away from the tier of {@code thresholdCents} ({@code ratePercent} %) with the
 * period ending on {@code lastDay}: published once per member and period, inside the transaction that claimed it.
 */
public record RebateReminderDue(long memberId, String period, long centsToGo, long thresholdCents, int ratePercent,
        LocalDate lastDay) {
}
