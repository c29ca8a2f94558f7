/**
 * The signed open API for tills and ERPs ({@code /api/open/v1/**}): API keys operators issue per store, the
 * HMAC signature every request carries (with a timestamp and a nonce used once), and the counter's actions
 * taken by a store's till through the same services staff use.
 */
@ApplicationModule(allowedDependencies = {"common", "counter", "wallet", "coupon", "member", "points", "audit", "checkout"})
package dev.loyalty.open;

import org.springframework.modulith.ApplicationModule;
