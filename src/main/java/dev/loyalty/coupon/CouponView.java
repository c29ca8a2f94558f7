package dev.loyalty.coupon;

import java.time.Instant;

/** A member's coupon; {@code status} reads EXPIRED from the moment its validity ends. */
public record CouponView(long id, long templateId, String name, CouponType type, String code, CouponStatus status,
        Instant validFrom, Instant validTo, Instant usedAt, Long storeId, String qrPayload) {
}
