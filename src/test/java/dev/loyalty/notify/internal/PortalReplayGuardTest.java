package dev.loyalty.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.loyalty.common.redis.RedisGuard;
import dev.loyalty.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.codec.Codec;

class PortalReplayGuardTest {

    @Test
    void withRedisDownANonceIsStillRefusedTheSecondTimeForTenMinutes() {
        RedissonClient redisDown = mock(RedissonClient.class);
        when(redisDown.getBucket(anyString(), any(Codec.class))).thenThrow(new RedisConnectionException("down"));
        MutableClock clock = new MutableClock(ZoneOffset.UTC);
        RedisGuard circuit = new RedisGuard(redisDown, event -> { }, new SimpleMeterRegistry(), Duration.ofSeconds(2));
        PortalReplayGuard guard = new PortalReplayGuard(redisDown, circuit, clock);

        assertThat(guard.firstUse("n1")).isTrue();
        assertThat(guard.firstUse("n1")).isFalse();
        assertThat(guard.firstUse("n2")).isTrue();

        clock.advance(Duration.ofMinutes(11));

        assertThat(guard.firstUse("n1")).isTrue();
    }
}
