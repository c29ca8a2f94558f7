/**
 * Rebates (返点): a tiered policy on what members spend in a month or quarter, settled once per member
 * and period, credited as wallet bonus or points, automatically or after an operator's approval.
 */
@ApplicationModule(allowedDependencies = {"common", "counter", "wallet", "points", "audit"})
package dev.loyalty.rebate;

import org.springframework.modulith.ApplicationModule;
