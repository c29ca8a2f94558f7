package dev.loyalty.coupon;

import dev.loyalty.coupon.internal.Coupon;
import dev.loyalty.coupon.internal.CouponTemplate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** How templates and coupons are shown: the views every part of the module answers with. */
final class CouponViews {

    /** What a coupon's QR code says: this prefix and the coupon's code. */
    static final String QR_PREFIX = "LOYALTY-COUPON:";

    private CouponViews() {
    }

    static CouponTemplateView of(CouponTemplate t) {
        return new CouponTemplateView(t.getId(), t.getName(), t.getType(), t.getThresholdCents(), t.getDiscountCents(),
                t.getDiscountPercent(), t.getMaxDiscountCents(), t.getPointsPrice(), t.getTotalStock(),
                t.getTotalStock() - t.getTaken(), t.getPerMemberLimit(), t.getValidDays(), t.getValidFrom(), t.getValidTo(),
                storeIds(t), t.getEnabled());
    }

    /** The coupon as of {@code now}; {@code t} may be null for a template that is gone. */
    static CouponView of(Coupon c, CouponTemplate t, Instant now) {
        return new CouponView(c.getId(), c.getTemplateId(), t == null ? null : t.getName(), t == null ? null : t.getType(),
                c.getCode(), c.statusAt(now), c.getValidFrom(), c.getValidTo(), c.getUsedAt(), c.getStoreId(),
                QR_PREFIX + c.getCode());
    }

    static List<Long> storeIds(CouponTemplate template) {
        return template.getStoreIds() == null || template.getStoreIds().isBlank() ? List.of()
                : Arrays.stream(template.getStoreIds().split(",")).map(Long::parseLong).toList();
    }
}
