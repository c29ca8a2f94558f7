/**
 * Webhooks out: operators subscribe an HTTPS endpoint to changes of points, stored value, coupons and levels.
 * Each change a webhook subscribes to becomes one delivery row, written in the change's own transaction; a job
 * POSTs it, signed with the webhook's secret, and retries with backoff until the receiver answers 2xx or the
 * attempts run out. At least once, in no guaranteed order: receivers de-duplicate by the event's id.
 */
@ApplicationModule(allowedDependencies = {"common", "points", "wallet", "coupon", "member", "audit"})
package dev.loyalty.webhook;

import org.springframework.modulith.ApplicationModule;
