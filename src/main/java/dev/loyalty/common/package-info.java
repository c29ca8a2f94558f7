/**
 * Shared infrastructure: errors, request ids, security, the clock, Redis and MyBatis-Plus set-up.
 * Small and boring on purpose; it holds no business rule.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.loyalty.common;

import org.springframework.modulith.ApplicationModule;
