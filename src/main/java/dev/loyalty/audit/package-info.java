/**
 * The audit trail: who changed what, when, with the state before and after. Every admin and staff
 * write records itself here in its own transaction.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.loyalty.audit;

import org.springframework.modulith.ApplicationModule;
