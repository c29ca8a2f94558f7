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

    public CachedValue(Duration ttl, Supplier<T> loader) {
        this.ttl = ttl;
        this.loader = loader;
    }

    public T get() {
        Loaded<T> current = loaded;
        long now = System.nanoTime();
        if (current == null || now - current.at() > ttl.toNanos()) {
            current = new Loaded<>(loader.get(), now);
            loaded = current;
        }
        return current.value();
    }

    public void forget() {
        loaded = null;
    }

    private record Loaded<T>(T value, long at) {
    }
}
