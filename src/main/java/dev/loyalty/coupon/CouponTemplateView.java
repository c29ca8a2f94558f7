package dev.loyalty.coupon;

import java.time.LocalDate;
import java.util.List;

/** A coupon template as operators and the mall see it; {@code stockLeft} = totalStock − taken. */
public record CouponTemplateView(long id, String name, CouponType type, long thresholdCents, long discountCents,
        int discountPercent, long maxDiscountCents, long pointsPrice, long totalStock, long stockLeft,
        int perMemberLimit, Integer validDays, LocalDate validFrom, LocalDate validTo, List<Long> storeIds,
        boolean enabled) {
}
