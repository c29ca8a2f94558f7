package dev.loyalty.segment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The windows segments are computed over, in days counted back from today (today included), and the
 * share of spenders that counts as high value. {@code loyalty.segments.*}.
 */
@Validated
@ConfigurationProperties("loyalty.segments")
record SegmentWindows(
        @DefaultValue("30") @Min(1) int newDays,
        @DefaultValue("30") @Min(1) int activeDays,
        @DefaultValue("90") @Min(1) int dormantDays,
        @DefaultValue("90") @Min(1) int spendDays,
        @DefaultValue("20") @Min(1) @Max(100) int highValuePercent) {
}
