package dev.loyalty.common.persistence;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code ttl}: for rules that every request reads and
 * operators rarely change. This instance sees a change at once ({@link #forget}), others within the ttl.
 */
public final class CachedValue<T> {

    private final Duration ttl;
    private final Supplier<T> loader;
    private volatile Loaded<T> loaded;
    /** Moves on every {@link #forget}: a load that began before a forget must not keep what it read. */
    private long generation;

    public CachedValue(Duration ttl, Supplier<T> loader) {
        this.ttl = ttl;
        this.loader = loader;
    }

    public T get() {
        Loaded<T> current = loaded;
        long now = System.nanoTime();
        if (current == null || now - current.at() > ttl.toNanos()) {
            long before = generation();
            current = new Loaded<>(loader.get(), now);
            synchronized (this) {
                if (generation == before) {
                    loaded = current;
                }
            }
        }
        return current.value();
    }

    public synchronized void forget() {
        generation++;
        loaded = null;
    }

    private synchronized long generation() {
        return generation;
    }

    private record Loaded<T>(T value, long at) {
    }
}
