package dev.loyalty.common.ratelimit;

import dev.loyalty.common.error.RateLimitedException;
import java.time.Duration;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Redisson {@link RRateLimiter}), shared by every app instance.
 * {@code loyalty.rate-limit.enabled=false} switches them all off, for load tests from one address.
 */
@Component
public class RateLimits {

    private final RedissonClient redisson;
    private final boolean enabled;

    RateLimits(RedissonClient redisson, @Value("${loyalty.rate-limit.enabled:true}") boolean enabled) {
        this.redisson = redisson;
        this.enabled = enabled;
    }

    /**
     * Takes one permit from the bucket {@code name:key}, which holds {@code permits} per {@code interval};
     * throws {@link RateLimitedException} when it is empty.
     */
    public void acquire(String name, String key, long permits, Duration interval) {
        if (!enabled) {
            return;
        }
        RRateLimiter limiter = redisson.getRateLimiter("loyalty:rate:" + name + ":" + key);
        limiter.trySetRate(RateType.OVERALL, permits, interval, interval.multipliedBy(2));
        if (!limiter.tryAcquire()) {
            throw new RateLimitedException(name);
        }
    }
}
