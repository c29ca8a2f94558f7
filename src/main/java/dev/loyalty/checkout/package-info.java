/**
 * Checkouts at the counter: one order paid partly with a coupon and with points, the rest in cash. The cash
 * part is a counter purchase (points earned, growth, rebates, reports); the whole is one transaction,
 * idempotent per store and order number, and refundable whole or in part.
 */
@ApplicationModule(allowedDependencies = {"common", "counter", "coupon", "points", "audit"})
package dev.loyalty.checkout;

import org.springframework.modulith.ApplicationModule;
