/**
 * Daily sign-in: one per member and business-zone date, streaks, cycle rewards, makeup sign-in,
 * the calendar and the streak leaderboard. Points move only through {@code PointsService}.
 */
@ApplicationModule(allowedDependencies = {"common", "points", "member", "audit"})
package dev.loyalty.signin;

import org.springframework.modulith.ApplicationModule;
