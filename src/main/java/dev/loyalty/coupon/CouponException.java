package dev.loyalty.coupon;

import dev.loyalty.common.error.LoyaltyException;
import org.springframework.http.HttpStatus;

/** The broken rules of the mall and the counter, each with its API code. */
public class CouponException extends LoyaltyException {

    private CouponException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }

    static CouponException outOfStock(long templateId) {
        return new CouponException("OUT_OF_STOCK", "Coupon " + templateId + " is out of stock");
    }

    static CouponException redeemLimitReached(long templateId, int limit) {
        return new CouponException("REDEEM_LIMIT_REACHED", "Coupon " + templateId + " is limited to " + limit + " per member");
    }

    static CouponException alreadyUsed(String code, CouponStatus status) {
        return new CouponException("COUPON_ALREADY_USED", "Coupon " + code + " is " + status.name().toLowerCase());
    }

    static CouponException expired(String code) {
        return new CouponException("COUPON_EXPIRED", "Coupon " + code + " is not within its validity");
    }

    static CouponException thresholdNotMet(String code, long thresholdCents, long amountCents) {
        return new CouponException("COUPON_THRESHOLD_NOT_MET", "Coupon " + code + " needs an order of at least "
                + thresholdCents + " cents; this one is " + amountCents);
    }

    static CouponException notValidHere(String code, long storeId) {
        return new CouponException("COUPON_NOT_VALID_HERE", "Coupon " + code + " cannot be used at store " + storeId);
    }
}
