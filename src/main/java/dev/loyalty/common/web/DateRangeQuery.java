package dev.loyalty.common.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/** {@code from} and {@code to} of a list request: dates (yyyy-MM-dd) in the business zone, both inclusive, either optional. */
public record DateRangeQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @FourDigitYear LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @FourDigitYear LocalDate to) {

    /** The first instant of {@code from}, or null. */
    public Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to}, or null. */
    public Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
