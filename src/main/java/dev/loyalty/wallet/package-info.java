/**
 * Stored value (储值): per-member principal and bonus in cents, an append-only ledger, top-up plans,
 * top-up, payment and refund at the counter. A payment is also a purchase (points, rebates).
 */
@ApplicationModule(allowedDependencies = {"common", "counter", "audit", "member", "wechat"})
package dev.loyalty.wallet;

import org.springframework.modulith.ApplicationModule;
