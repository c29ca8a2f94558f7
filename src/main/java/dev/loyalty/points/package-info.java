/**
 * Points: accounts, the append-only ledger, the lots earnings create and spends consume, expiry.
 * {@link dev.loyalty.points.PointsService} is the only writer of points.
 */
@ApplicationModule(allowedDependencies = {"common", "audit", "member"})
package dev.loyalty.points;

import org.springframework.modulith.ApplicationModule;
