/**
 * Official-account notifications: followers mapped to members by unionid, one template message per
 * change of points, stored value or coupons, written to an outbox in the change's transaction and
 * delivered after commit (and by a sweeper), with retries; never holding up the change itself.
 */
@ApplicationModule(allowedDependencies = {"common", "member", "points", "wallet", "coupon", "signin", "wechat", "audit", "rebate"})
package dev.loyalty.notify;

import org.springframework.modulith.ApplicationModule;
