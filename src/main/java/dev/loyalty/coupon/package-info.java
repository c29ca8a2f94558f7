/**
 * Coupons: templates operators configure, the points mall, member coupons with their QR payload,
 * verification at the counter and revocation. Stock and per-member limits are guarded updates.
 */
@ApplicationModule(allowedDependencies = {"common", "points", "member", "counter", "audit"})
package dev.loyalty.coupon;

import org.springframework.modulith.ApplicationModule;
