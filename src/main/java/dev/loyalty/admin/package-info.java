/**
 * Operators of the console: their accounts and login. The first admin comes from configuration.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.loyalty.admin;

import org.springframework.modulith.ApplicationModule;
