/**
 * Segments: every member is put in one of HIGH_VALUE, NEW, DORMANT, AT_RISK or REGULAR each night (and
 * on demand) from their joining, sign-ins and purchases; operators filter members by it.
 */
@ApplicationModule(allowedDependencies = {"common", "member", "signin", "counter"})
package dev.loyalty.segment;

import org.springframework.modulith.ApplicationModule;
