package dev.loyalty.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long notifications and audit-log entries are kept ({@code loyalty.retention.*}): periods such as
 * {@code 180d}, {@code 3y} or {@code P1Y6M}, counted back from now in the business zone.
 */
@ConfigurationProperties("loyalty.retention")
record RetentionPeriods(@DefaultValue("180d") Period notifications, @DefaultValue("3y") Period auditLog) {

    RetentionPeriods {
        if (notifications.isNegative() || notifications.isZero() || auditLog.isNegative() || auditLog.isZero()) {
            throw new IllegalArgumentException("loyalty.retention.notifications and audit-log must be longer than nothing");
        }
    }
}
