/**
 * Views composed from several modules' public APIs: the member's own page ({@code /api/app/me}) and what
 * staff see of a member they scanned. Nothing here writes; no feature has to depend on all the others.
 */
@ApplicationModule(allowedDependencies = {"common", "member", "points", "signin", "coupon", "counter", "wallet"})
package dev.loyalty.me;

import org.springframework.modulith.ApplicationModule;
