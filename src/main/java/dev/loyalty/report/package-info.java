/**
 * Operator reports: the overview of a window and one row per day, summed from the ledgers of the other
 * modules (points, wallet, coupons, sign-ins, purchases, rebates) through their public APIs.
 */
@ApplicationModule(allowedDependencies = {"common", "member", "points", "wallet", "coupon", "signin", "counter", "rebate"})
package dev.loyalty.report;

import org.springframework.modulith.ApplicationModule;
