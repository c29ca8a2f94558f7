package dev.loyalty.common.redis;

import java.time.Duration;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client fails fast instead of retrying: a command that Redis does not answer within
 * {@code loyalty.redis.timeout} has failed (Redisson's defaults retry for several seconds, which every
 * request would wait through), and the {@link RedisGuard} decides what happens next. The client connects
 * on first use, so the app also starts while Redis is away.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientSettings {

    @Bean
    RedissonAutoConfigurationCustomizer failFastRedis(@Value("${loyalty.redis.timeout:200ms}") Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        return config -> {
            config.setLazyInitialization(true);
            if (config.isSingleConfig()) {
                config.useSingleServer()
                        .setTimeout(millis)
                        .setConnectTimeout(millis)
                        .setRetryAttempts(0);
            }
        };
    }
}
