/**
 * Members' rights over their data (PIPL): an export of everything held about a member, and the deletion of
 * their account. Both are composed from the owning modules' public APIs; no other module depends on this one.
 */
@ApplicationModule(allowedDependencies = {"common", "audit", "member", "points", "coupon", "counter", "wallet",
        "signin", "rebate", "notify"})
package dev.loyalty.privacy;

import org.springframework.modulith.ApplicationModule;
