package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** The prod profile refuses anything meant for a laptop; it starts only a tiny context to prove it. */
class ProductionSafetyCheckTest {

    private static final String[] REAL_SECRETS = {
            "--loyalty.jwt.secret=a-real-secret-from-the-vault-0123456789",
            "--loyalty.admin.password=Zq8!real-admin-password",
            "--loyalty.crypto.phone-key=a-real-phone-key-from-the-vault",
            "--loyalty.crypto.api-key-secret-key=a-real-api-key-sealing-key-from-the-vault",
            "--loyalty.member-code.secret=a-real-member-code-key",
            "--wx.miniapp.secret=real-miniapp-secret",
            "--wx.mp.secret=real-mp-secret",
            "--wx.mp.token=real-mp-token",
            "--wx.mp.aes-key=",
            "--wx.pay.mch-id=1900000109",
            "--wx.pay.api-v3-key=a-real-api-v3-key-0123456789abcd",
            "--wx.pay.cert-serial-no=5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            "--wx.pay.public-key-id=PUB_KEY_ID_0119000001092025",
            "--wx.pay.private-key-path=/run/secrets/apiclient_key.pem",
            "--wx.pay.public-key-path=/run/secrets/pub_key.pem",
            "--wx.pay.notify-url=https://loyalty.example.com/wx/pay/notify",
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
    void prodRefusesWeChatPayLeftAtItsDevelopmentDefaults() {
        assertThatThrownBy(() -> start(with(with(with(with(REAL_SECRETS, "--wx.pay.api-v3-key=dev-only-api-v3-key-0123456789ab"),
                "--wx.pay.mch-id=dev-only-mch-id"), "--wx.pay.private-key-path="), "--wx.pay.notify-url=")))
                .hasStackTraceContaining("wx.pay.api-v3-key must be set to a real secret")
                .hasStackTraceContaining("wx.pay.mch-id must be set")
                .hasStackTraceContaining("wx.pay.private-key-path must be set")
                .hasStackTraceContaining("wx.pay.notify-url must be set");
    }

    @Test
    void prodRefusesAPinnedClock() {
        assertThatThrownBy(() -> start(with("--loyalty.clock.fixed=2026-01-01T00:00:00Z")))
                .hasStackTraceContaining("loyalty.clock.fixed must not be set");
    }

    @Test
    void prodNamesEverySecretLeftAtItsDevelopmentDefaultOrEmpty() {
        assertThatThrownBy(() -> start(with(with(with(with(with(with(with(REAL_SECRETS,
                "--loyalty.jwt.secret="), "--loyalty.admin.password=dev-only-admin"),
                "--loyalty.crypto.phone-key=dev-only-phone"), "--loyalty.member-code.secret="),
                "--wx.miniapp.secret=dev-only-miniapp-secret"), "--wx.mp.secret=dev-only-mp-secret"),
                "--wx.mp.token=")))
                .hasStackTraceContaining("loyalty.jwt.secret must be set")
                .hasStackTraceContaining("loyalty.admin.password must be set")
                .hasStackTraceContaining("loyalty.crypto.phone-key must be set")
                .hasStackTraceContaining("loyalty.member-code.secret must be set")
                .hasStackTraceContaining("wx.miniapp.secret must be set")
                .hasStackTraceContaining("wx.mp.secret must be set")
                .hasStackTraceContaining("wx.mp.token must be set");
    }

    @Test
    void prodRefusesTheDevelopmentKeyThatSealsApiKeySecrets() {
        assertThatThrownBy(() -> start(with("--loyalty.crypto.api-key-secret-key=dev-only-api-key-secret-key-change-me")))
                .hasStackTraceContaining("loyalty.crypto.api-key-secret-key must be set");
        assertThatThrownBy(() -> start(with("--loyalty.crypto.api-key-secret-key=")))
                .hasStackTraceContaining("loyalty.crypto.api-key-secret-key must be set");
    }

    @Test
    void prodRefusesAShortJwtSecretAShortAdminPasswordAndADevelopmentAesKey() {
        assertThatThrownBy(() -> start(with(with(with(REAL_SECRETS, "--loyalty.jwt.secret=only-31-bytes-long-0123456789ab"),
                "--loyalty.admin.password=x"), "--wx.mp.aes-key=dev-only-aes")))
                .hasStackTraceContaining("loyalty.jwt.secret must be at least 32 bytes")
                .hasStackTraceContaining("loyalty.admin.password must be at least 12 characters")
                .hasStackTraceContaining("wx.mp.aes-key must be a real secret");
    }

    private static String[] with(String override) {
        return with(REAL_SECRETS, override);
    }

    private static String[] with(String[] base, String override) {
        String name = override.substring(0, override.indexOf('='));
        String[] args = base.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                args[i] = override;
            }
        }
        return args;
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OnlyTheCheck.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("loyalty.redis.embedded=false")
                .run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "dev.loyalty.common.security",
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = ".*ProductionSafetyCheck"))
    static class OnlyTheCheck {
    }
}
