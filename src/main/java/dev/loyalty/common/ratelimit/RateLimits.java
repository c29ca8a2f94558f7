package dev.loyalty.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loyalty.common.error.RateLimitedException;
import dev.loyalty.common.redis.RedisGuard;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Redisson {@link RRateLimiter}), shared by every app instance; while Redis is
 * away, the same limits per instance, in memory (Resilience4j). {@code loyalty.rate-limit.enabled=false}
 * switches them all off, for load tests from one address.
 */
@Component
public class RateLimits {

    private final RedissonClient redisson;
    private final RedisGuard redis;
    private final boolean enabled;
    private final Cache<String, RateLimiter> inMemory = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    RateLimits(RedissonClient redisson, RedisGuard redis, @Value("${loyalty.rate-limit.enabled:true}") boolean enabled) {
        this.redisson = redisson;
        this.redis = redis;
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
        String bucket = "loyalty:rate:" + name + ":" + key;
        boolean granted = redis.call(() -> {
            RRateLimiter limiter = redisson.getRateLimiter(bucket);
            limiter.trySetRate(RateType.OVERALL, permits, interval, interval.multipliedBy(2));
            return limiter.tryAcquire();
        }, () -> inMemory.get(bucket, ignored -> inMemoryLimiter(bucket, permits, interval)).acquirePermission());
        if (!granted) {
            throw new RateLimitedException(name);
        }
    }

    private static RateLimiter inMemoryLimiter(String bucket, long permits, Duration interval) {
        return RateLimiter.of(bucket, RateLimiterConfig.custom()
                .limitForPeriod(Math.toIntExact(permits))
                .limitRefreshPeriod(interval)
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
