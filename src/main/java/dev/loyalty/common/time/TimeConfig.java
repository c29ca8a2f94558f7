package dev.loyalty.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the app, in the business zone ({@code loyalty.zone}).
 * {@code loyalty.clock.fixed} pins "now" to an instant for demos and acceptance runs.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${loyalty.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${loyalty.clock.fixed:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(zone);
        }
        return Clock.fixed(Instant.parse(fixed), zone);
    }
}
