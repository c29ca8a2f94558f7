/**
 * Books that check themselves: the nightly {@code integrity-check} job walks every module's
 * {@link dev.loyalty.common.integrity.BookCheck} (points accounts, wallets, coupon templates, rebates) in batches,
 * keeps the last run's result and drift for every instance to read, and exports the drift as a gauge.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.loyalty.integrity;

import org.springframework.modulith.ApplicationModule;
