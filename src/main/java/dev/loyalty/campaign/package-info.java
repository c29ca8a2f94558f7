/**
 * Campaigns: operators' grants of a coupon, points or both to a list of members, a segment or a level,
 * worked through by a background job in batches. Each member is granted at most once per grant. And campaigns:
 * a coupon, points or both for each member who joins, has a birthday, enters a segment or reaches a level, within
 * a budget, with a held-out control group and a report of what both groups did after.
 */
@ApplicationModule(allowedDependencies = {"common", "coupon", "points", "member", "audit", "signin", "counter"})
package dev.loyalty.campaign;

import org.springframework.modulith.ApplicationModule;
