package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

class ClockTest {

    @Test
    void theClockRunsInTheBusinessZone() {
        try (ConfigurableApplicationContext context = start("--loyalty.zone=Asia/Shanghai")) {
            assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        }
    }

    @Test
    void aFixedInstantPinsNowAndToday() {
        try (ConfigurableApplicationContext context = start("--loyalty.clock.fixed=2026-03-01T16:30:00Z")) {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T16:30:00Z"));
            assertThat(LocalDate.now(clock)).as("16:30 UTC is already the next day in Shanghai")
                    .isEqualTo(LocalDate.of(2026, 3, 2));
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OnlyTime.class).web(WebApplicationType.NONE)
                .properties("loyalty.redis.embedded=false").run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "dev.loyalty.common.time")
    static class OnlyTime {
    }
}
