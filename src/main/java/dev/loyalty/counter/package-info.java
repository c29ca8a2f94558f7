/**
 * The counter: stores, members bound to them as staff, the rotating member code staff scan, and
 * purchases that earn points (idempotent per store and order number).
 */
@ApplicationModule(allowedDependencies = {"common", "member", "points", "audit"})
package dev.loyalty.counter;

import org.springframework.modulith.ApplicationModule;
