/**
 * The member's own page ({@code /api/app/me}): the profile with the balances of every feature.
 * It only reads other modules' public APIs, so no feature has to depend on all the others.
 */
@ApplicationModule(allowedDependencies = {"common", "member", "points", "signin", "coupon"})
package dev.loyalty.me;

import org.springframework.modulith.ApplicationModule;
