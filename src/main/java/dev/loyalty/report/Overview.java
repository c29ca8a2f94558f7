package dev.loyalty.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of a window of days, {@code from} to {@code to} both included, in the business time zone.
 * Flows count what was written in the window; liabilities are what was outstanding at its end. Rates are
 * fractions (0.25 = 25 %) with four decimals, 0 when their denominator is 0.
 */
public record Overview(
        LocalDate from,
        LocalDate to,
        long members,
        long activeMembers,
        long signIns,
        long signInMembers,
        BigDecimal participationRate,
        long pointsIssued,
        long pointsRedeemed,
        long pointsExpired,
        long pointsLiability,
        BigDecimal breakageRate,
        BigDecimal redemptionRate,
        long couponsIssued,
        long couponsUsed,
        long walletLiabilityCents,
        long walletPrincipalCents,
        long walletBonusCents,
        long walletTopUpCents,
        long walletPaidCents,
        long rebatesCents) {
}
