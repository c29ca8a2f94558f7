/**
 * Rebates (返点): a tiered policy on what members spend in a month or quarter, settled once per member
 * and period, credited as wallet bonus or points, automatically or after an operator's approval. A member who
 * deleted their account gets no rebate: theirs are written REJECTED ("member deleted").
 */
@ApplicationModule(allowedDependencies = {"common", "counter", "wallet", "points", "audit", "member"})
package dev.loyalty.rebate;

import org.springframework.modulith.ApplicationModule;
