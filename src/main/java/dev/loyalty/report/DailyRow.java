package dev.loyalty.report;

import java.time.LocalDate;
import java.util.List;

/** One day of the daily report; the same definitions as {@link Overview}'s flows. */
public record DailyRow(
        LocalDate date,
        long signIns,
        long pointsIssued,
        long pointsRedeemed,
        long pointsExpired,
        long couponsIssued,
        long couponsUsed,
        long walletTopUpCents,
        long walletPaidCents) {

    static final List<String> CSV_HEADER = List.of("date", "signIns", "pointsIssued", "pointsRedeemed", "pointsExpired",
            "couponsIssued", "couponsUsed", "walletTopUpCents", "walletPaidCents");

    String csvLine() {
        return String.join(",", date.toString(), Long.toString(signIns), Long.toString(pointsIssued),
                Long.toString(pointsRedeemed), Long.toString(pointsExpired), Long.toString(couponsIssued),
                Long.toString(couponsUsed), Long.toString(walletTopUpCents), Long.toString(walletPaidCents));
    }
}
