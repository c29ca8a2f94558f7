/**
 * Campaigns: operators' grants of a coupon, points or both to a list of members, a segment or a level,
 * worked through by a background job in batches. Each member is granted at most once per grant.
 */
@ApplicationModule(allowedDependencies = {"common", "coupon", "points", "member", "audit"})
package dev.loyalty.campaign;

import org.springframework.modulith.ApplicationModule;
