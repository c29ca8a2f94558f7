package dev.loyalty.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.loyalty.common.redis.RedisGuard;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Remembers the nonce of every signed official-account push for ten minutes, so that a push captured on its
 * way cannot be played again. Redis ({@code SET NX} with a TTL) shares them between instances; when Redis
 * fails, this instance remembers them on its own, in a bounded map.
 */
@Component
public class PortalReplayGuard {

    private static final Duration REMEMBERED = Duration.ofMinutes(10);
    private static final int REMEMBERED_HERE_AT_MOST = 10_000;

    private final RedissonClient redisson;
    private final RedisGuard redis;
    private final Clock clock;
    private final Map<String, Instant> rememberedHere = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_HERE_AT_MOST;
        }
    };

    PortalReplayGuard(RedissonClient redisson, RedisGuard redis, Clock clock) {
        this.redisson = redisson;
        this.redis = redis;
        this.clock = clock;
    }

    /** True the first time {@code nonce} is seen in ten minutes, false for a replay. */
    public boolean firstUse(String nonce) {
        return redis.call(
                () -> redisson.getBucket("loyalty:mp-portal:nonce:" + nonce, StringCodec.INSTANCE).setIfAbsent("1", REMEMBERED),
                () -> firstUseHere(nonce));
    }

    private synchronized boolean firstUseHere(String nonce) {
        Instant now = clock.instant();
        Instant until = rememberedHere.remove(nonce);
        if (until != null && until.isAfter(now)) {
            rememberedHere.put(nonce, until);
            return false;
        }
        rememberedHere.put(nonce, now.plus(REMEMBERED));
        return true;
    }
}
