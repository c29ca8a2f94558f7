package dev.loyalty.rebate;

import dev.loyalty.common.error.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A settlement period in the business zone: {@code 2026-11} (a month) or {@code 2026-Q4} (a quarter). */
record Period(String name, LocalDate first, LocalDate afterLast) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    static Period parse(String name) {
        Matcher month = MONTH.matcher(name == null ? "" : name);
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return new Period(name, ym.atDay(1), ym.plusMonths(1).atDay(1));
        }
        Matcher quarter = QUARTER.matcher(name == null ? "" : name);
        if (quarter.matches()) {
            YearMonth start = YearMonth.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
            return new Period(name, start.atDay(1), start.plusMonths(3).atDay(1));
        }
        throw new InvalidRequestException("period", "must be yyyy-MM or yyyy-Qn");
    }

    static Period containing(LocalDate date, RebatePolicyView.PeriodType type) {
        return type == RebatePolicyView.PeriodType.MONTH
                ? parse(YearMonth.from(date).toString())
                : parse(date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1));
    }

    boolean isMonth() {
        return MONTH.matcher(name).matches();
    }

    Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    Instant to(ZoneId zone) {
        return afterLast.atStartOfDay(zone).toInstant();
    }
}
