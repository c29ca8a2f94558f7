package dev.loyalty.wechat;

import dev.loyalty.common.redis.RedisGuard;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import me.chanjar.weixin.common.redis.RedissonWxRedisOps;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * Where WxJava keeps access tokens: in Redis, so every instance shares one token, and in this instance's
 * memory too, which answers while Redis is away (a token fetched then stays here until Redis returns).
 *
 * <p>The refresh lock is this instance's own: with several instances two may refresh at the same moment,
 * which costs one extra token call, as WeChat keeps the previous token valid for five minutes after a
 * refresh. A Redis lock would make every refresh wait on Redis, and fail with it.
 */
final class SharedTokenStore implements WxRedisOps {

    private final WxRedisOps redis;
    private final RedisGuard guard;
    private final Map<String, Held> memory = new ConcurrentHashMap<>();
    private final Map<String, Lock> locks = new ConcurrentHashMap<>();

    SharedTokenStore(RedissonWxRedisOps redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    @Override
    public String getValue(String key) {
        return guard.call(() -> redis.getValue(key), () -> {
            Held held = held(key);
            return held == null ? null : held.value();
        });
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        memory.put(key, new Held(value, System.nanoTime() + unit.toNanos(expire)));
        guard.run(() -> redis.setValue(key, value, expire, unit));
    }

    /** Seconds the value has left, -2 when there is none (Redis's TTL answer). */
    @Override
    public Long getExpire(String key) {
        return guard.call(() -> redis.getExpire(key), () -> {
            Held held = held(key);
            return held == null ? -2L : TimeUnit.NANOSECONDS.toSeconds(held.expiresAtNanos() - System.nanoTime());
        });
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        memory.computeIfPresent(key, (k, held) -> new Held(held.value(), System.nanoTime() + unit.toNanos(expire)));
        guard.run(() -> redis.expire(key, expire, unit));
    }

    @Override
    public Lock getLock(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }

    private Held held(String key) {
        Held held = memory.get(key);
        if (held == null || held.expiresAtNanos() - System.nanoTime() <= 0) {
            return null;
        }
        return held;
    }

    private record Held(String value, long expiresAtNanos) {
    }
}
