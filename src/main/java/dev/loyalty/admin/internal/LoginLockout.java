package dev.loyalty.admin.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.loyalty.common.error.RateLimitedException;
import dev.loyalty.common.redis.RedisGuard;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Locks one username for {@link #LOCK} after {@link #MAX_FAILURES} failed logins, from whatever
 * addresses they came (the per-address limit cannot stop guesses spread over many). Unknown usernames
 * are counted the same, so a lock tells nothing about which names exist. The count lives in Redis,
 * shared by every instance; while Redis is away each instance counts on its own.
 */
@Component
public class LoginLockout {

    static final int MAX_FAILURES = 10;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final RedissonClient redisson;
    private final RedisGuard redis;
    private final Cache<String, AtomicLong> inMemory = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(LOCK)
            .build();

    LoginLockout(RedissonClient redisson, RedisGuard redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    /** {@link RateLimitedException} while the username is locked. */
    public void check(String username) {
        long failures = redis.call(() -> failures(username).get(), () -> counted(username).get());
        if (failures >= MAX_FAILURES) {
            throw new RateLimitedException("admin-login-lockout");
        }
    }

    public void failed(String username) {
        boolean counted = redis.run(() -> {
            RAtomicLong failures = failures(username);
            failures.incrementAndGet();
            failures.expire(LOCK);
        });
        if (!counted) {
            // a fresh count restarts the lock's clock, as the Redis key's expiry does
            AtomicLong failures = counted(username);
            inMemory.put(username, new AtomicLong(failures.incrementAndGet()));
        }
    }

    public void succeeded(String username) {
        inMemory.invalidate(username);
        redis.run(() -> failures(username).delete());
    }

    private AtomicLong counted(String username) {
        return inMemory.get(username, ignored -> new AtomicLong());
    }

    private RAtomicLong failures(String username) {
        return redisson.getAtomicLong("loyalty:admin-login-failures:" + username);
    }
}
