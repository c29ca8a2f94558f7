package dev.loyalty.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The app's clock in tests: real time plus an offset that a test may move forward, and must reset. */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** From now on "now" is {@code instant}, and moves on with real time. */
    public void pinAt(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Ten in the morning of {@code date} in the business zone. */
    public void pinAt(java.time.LocalDate date) {
        pinAt(date.atTime(10, 0).atZone(zone).toInstant());
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the app's clock has one zone");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
