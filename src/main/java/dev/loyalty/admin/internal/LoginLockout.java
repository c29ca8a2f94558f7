package dev.loyalty.admin.internal;

import dev.loyalty.common.error.RateLimitedException;
import java.time.Duration;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Locks one username for {@link #LOCK} after {@link #MAX_FAILURES} failed logins, from whatever
 * addresses they came (the per-address limit cannot stop guesses spread over many). Unknown usernames
 * are counted the same, so a lock tells nothing about which names exist.
 */
@Component
public class LoginLockout {

    static final int MAX_FAILURES = 10;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final RedissonClient redisson;

    LoginLockout(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** {@link RateLimitedException} while the username is locked. */
    public void check(String username) {
        if (failures(username).get() >= MAX_FAILURES) {
            throw new RateLimitedException("admin-login-lockout");
        }
    }

    public void failed(String username) {
        RAtomicLong failures = failures(username);
        failures.incrementAndGet();
        failures.expire(LOCK);
    }

    public void succeeded(String username) {
        failures(username).delete();
    }

    private RAtomicLong failures(String username) {
        return redisson.getAtomicLong("loyalty:admin-login-failures:" + username);
    }
}
