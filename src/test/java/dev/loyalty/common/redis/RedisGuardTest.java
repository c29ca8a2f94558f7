package dev.loyalty.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;

class RedisGuardTest {

    private final List<Object> published = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisGuard guard = new RedisGuard(mock(RedissonClient.class), published::add, meters, Duration.ofMillis(200));
    private final AtomicInteger redisCalls = new AtomicInteger();

    @Test
    void afterAFewFailuresRedisIsNotAskedAndTheFallbackAnswersAtOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.call(this::failingRedis, () -> "memory")).isEqualTo("memory");
        }
        assertThat(guard.isUp()).isFalse();
        assertThat(meters.get("loyalty.redis.up").gauge().value()).isZero();

        for (int i = 0; i < 100; i++) {
            assertThat(guard.call(this::failingRedis, () -> "memory")).isEqualTo("memory");
        }
        assertThat(redisCalls).hasValue(3);
        assertThat(published).isEmpty();
    }

    @Test
    void whenRedisAnswersAgainTheCircuitClosesAndKeepersOfCopiesAreTold() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            guard.call(this::failingRedis, () -> "memory");
        }
        assertThat(guard.call(() -> "redis", () -> "memory")).isEqualTo("memory");

        Thread.sleep(250);

        assertThat(guard.call(() -> "redis", () -> "memory")).isEqualTo("redis");
        assertThat(guard.isUp()).isTrue();
        assertThat(meters.get("loyalty.redis.up").gauge().value()).isEqualTo(1.0);
        assertThat(published).containsExactly(new RedisReturned());
    }

    @Test
    void aFailureNowAndThenDoesNotOpenTheCircuit() {
        for (int i = 0; i < 20; i++) {
            String answer = guard.call(i % 5 == 0 ? this::failingRedis : () -> "redis", () -> "memory");
            assertThat(answer).isEqualTo(i % 5 == 0 ? "memory" : "redis");
        }
        assertThat(guard.isUp()).isTrue();
    }

    private String failingRedis() {
        redisCalls.incrementAndGet();
        throw new RedisConnectionException("Connection refused");
    }
}
