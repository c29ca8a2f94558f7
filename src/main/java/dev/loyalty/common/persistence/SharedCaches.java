package dev.loyalty.common.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import dev.loyalty.common.redis.RedisGuard;
import dev.loyalty.common.redis.RedisReturned;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rules and levels every request reads, cached in each instance and forgotten on every instance when an
 * operator changes them: {@link #changed} publishes the cache's name on a Redis topic after the change
 * commits. The time to live only covers a message lost while Redis was away; when Redis returns after an
 * outage every cache here is forgotten too, as messages published meanwhile never arrived.
 */
@Component
public class SharedCaches {

    private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);
    private static final String TOPIC = "loyalty:cache-changed";

    private final Map<String, CachedValue<?>> caches = new ConcurrentHashMap<>();
    private final RTopic topic;
    private final RedisGuard redis;
    private volatile boolean listening;

    SharedCaches(RedissonClient redisson, RedisGuard redis) {
        this.topic = redisson.getTopic(TOPIC, StringCodec.INSTANCE);
        this.redis = redis;
        listen();
    }

    private void listen() {
        listening = listening || redis.run(() -> topic.addListener(String.class, (channel, name) -> forgetHere(name)));
    }

    @EventListener
    void on(RedisReturned returned) {
        listen();
        caches.values().forEach(CachedValue::forget);
    }

    public <T> CachedValue<T> value(String name, Duration ttl, Supplier<T> loader) {
        CachedValue<T> cache = new CachedValue<>(ttl, loader);
        caches.put(name, cache);
        return cache;
    }

    /** The data behind cache {@code name} changed: every instance reloads it, once the change has committed. */
    public void changed(String name) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(name);
                }
            });
        } else {
            announce(name);
        }
    }

    private void announce(String name) {
        forgetHere(name);
        if (!redis.run(() -> topic.publish(name))) {
            log.warn("Could not tell other instances that {} changed; they reload it within its time to live", name);
        }
    }

    private void forgetHere(String name) {
        CachedValue<?> cache = caches.get(name);
        if (cache != null) {
            cache.forget();
        }
    }
}
