/**
 * Retention: the nightly {@code retention} job deletes notifications and audit-log entries older than their
 * configured periods, in batches. Ledgers, purchases and rebates are never deleted.
 */
@ApplicationModule(allowedDependencies = {"common", "audit", "notify"})
package dev.loyalty.retention;

import org.springframework.modulith.ApplicationModule;
