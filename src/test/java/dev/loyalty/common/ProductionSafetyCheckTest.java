package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The prod profile refuses anything meant for a laptop; it starts only a tiny context to prove it. */
class ProductionSafetyCheckTest {

    private static final String[] REAL_SECRETS = {
            "--loyalty.jwt.secret=a-real-secret-from-the-vault-0123456789",
            "--loyalty.admin.password=Zq8!real-admin-password",
            "--loyalty.crypto.phone-key=a-real-phone-key-from-the-vault",
            "--loyalty.member-code.secret=a-real-member-code-key",
            "--wx.mp.token=real-mp-token",
            "--wx.sandbox.enabled=false",
            "--loyalty.clock.fixed="};

    @Test
    void prodStartsWithRealSecrets() {
        assertThatCode(() -> start(REAL_SECRETS).close()).doesNotThrowAnyException();
    }

    @Test
    void prodRefusesTheSandbox() {
        assertThatThrownBy(() -> start(with("--wx.sandbox.enabled=true")))
                .hasStackTraceContaining("wx.sandbox.enabled must be false");
    }

    @Test
    void prodRefusesTheDevelopmentJwtSecret() {
        assertThatThrownBy(() -> start(with("--loyalty.jwt.secret=dev-only-jwt-secret-change-me-0123456789abcdef")))
                .hasStackTraceContaining("loyalty.jwt.secret must be set");
    }

    @Test
    void prodRefusesAPinnedClock() {
        assertThatThrownBy(() -> start(with("--loyalty.clock.fixed=2026-01-01T00:00:00Z")))
                .hasStackTraceContaining("loyalty.clock.fixed must not be set");
    }

    private static String[] with(String override) {
        String name = override.substring(0, override.indexOf('='));
        String[] args = REAL_SECRETS.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                args[i] = override;
            }
        }
        return args;
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OnlyTheCheck.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .profiles("prod")
                .properties("loyalty.redis.embedded=false")
                .run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "dev.loyalty.common.security",
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
                    pattern = ".*ProductionSafetyCheck"))
    static class OnlyTheCheck {
    }
}
