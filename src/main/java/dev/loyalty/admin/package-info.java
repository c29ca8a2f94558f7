/**
 * Operators of the console: their accounts, roles and login. The first admin, an owner, comes from
 * configuration; owners manage the others.
 */
@ApplicationModule(allowedDependencies = {"common", "audit", "counter"})
package dev.loyalty.admin;

import org.springframework.modulith.ApplicationModule;
