package dev.loyalty.coupon;

import java.time.LocalDate;
import java.util.List;

/** What an operator sets on a template; validity is {@code validDays} after claiming, or {@code validFrom..validTo}. */
public record TemplateChange(String name, CouponType type, long thresholdCents, long discountCents, int discountPercent,
        long maxDiscountCents, long pointsPrice, long totalStock, int perMemberLimit, Integer validDays,
        LocalDate validFrom, LocalDate validTo, List<Long> storeIds, boolean enabled) {
}
