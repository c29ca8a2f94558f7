package dev.loyalty.common.redis;

/**
 * Redis answers again after an outage: whatever kept a copy there (leaderboards, cache invalidations)
 * may have missed updates, or lost everything if Redis restarted empty.
 */
public record RedisReturned() {
}
