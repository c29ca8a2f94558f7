package dev.loyalty.coupon;

import java.time.Instant;

/** A coupon used at a store's counter, as the store's list shows it. */
public record VerifiedCoupon(long couponId, String code, long templateId, String templateName, long memberId,
        long storeId, Long staffMemberId, Instant usedAt) {
}
