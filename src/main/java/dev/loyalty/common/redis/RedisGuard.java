package dev.loyalty.common.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every call to Redis goes through here, behind one circuit breaker: Redis holds nothing MySQL does not,
 * so each caller names what to do without it, and while the circuit is open Redis is not asked at all
 * and the fallback costs nothing. A few failed calls open the circuit (each failing within
 * {@code loyalty.redis.timeout}); after {@code loyalty.redis.circuit-open-for} one call tries again,
 * and a probe keeps trying while no request does. An outage is logged when it starts and when it ends,
 * not per request; {@code loyalty_redis_up} shows it, and {@link RedisReturned} tells who kept copies.
 */
@Component
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    private static final String PROBE_KEY = "loyalty:probe";

    private final RedissonClient redisson;
    private final ApplicationEventPublisher events;
    private final CircuitBreaker circuit;
    private volatile Throwable lastFailure;

    public RedisGuard(RedissonClient redisson, ApplicationEventPublisher events, MeterRegistry meters,
            @Value("${loyalty.redis.circuit-open-for:2s}") Duration openFor) {
        this.redisson = redisson;
        this.events = events;
        this.circuit = CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        circuit.getEventPublisher().onStateTransition(this::transitioned);
        Gauge.builder("loyalty.redis.up", this, guard -> guard.isUp() ? 1 : 0)
                .description("1 while Redis answers, 0 while the app runs without it").register(meters);
    }

    /** The call's answer, or {@code fallback}'s when the circuit is open or the call fails. */
    public <T> T call(Supplier<T> redisCall, Supplier<T> fallback) {
        if (!circuit.tryAcquirePermission()) {
            return fallback.get();
        }
        long start = System.nanoTime();
        T answer;
        try {
            answer = redisCall.get();
        } catch (RuntimeException failure) {
            lastFailure = failure;
            circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            return fallback.get();
        }
        circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answer;
    }

    /** Runs the call unless the circuit is open; false when it was skipped or failed. */
    public boolean run(Runnable redisCall) {
        return call(() -> {
            redisCall.run();
            return true;
        }, () -> false);
    }

    /**
     * For calls that do not block the caller (their outcome arrives on a Redis thread): whether to make
     * one at all, and what to report once its outcome is known.
     */
    public boolean admits() {
        return circuit.tryAcquirePermission();
    }

    public void succeeded(long startNanos) {
        circuit.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public void failed(long startNanos, Throwable failure) {
        lastFailure = failure;
        circuit.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, failure);
    }

    /** False from the moment the circuit opens until a call has succeeded again. */
    public boolean isUp() {
        return circuit.getState() == CircuitBreaker.State.CLOSED;
    }

    /** Lets the circuit notice that Redis left, or came back, while no request asked it. */
    @Scheduled(fixedDelayString = "${loyalty.redis.probe-every:1s}")
    void probe() {
        run(() -> redisson.getBucket(PROBE_KEY, StringCodec.INSTANCE).isExists());
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
        switch (event.getStateTransition().getToState()) {
            case OPEN -> {
                if (event.getStateTransition().getFromState() == CircuitBreaker.State.CLOSED) {
                    log.warn("Redis is unreachable ({}); running on MySQL and this instance's memory until it returns",
                            lastFailure == null ? "no answer" : lastFailure.toString());
                }
            }
            case CLOSED -> {
                log.info("Redis answers again; copies it missed are rebuilt from MySQL");
                events.publishEvent(new RedisReturned());
            }
            default -> {
            }
        }
    }
}
