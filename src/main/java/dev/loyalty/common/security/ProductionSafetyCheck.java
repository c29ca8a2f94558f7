package dev.loyalty.common.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the app refuses to start with anything meant only for a laptop:
 * the WeChat sandbox, a pinned clock, a secret that is empty or still has its development value
 * (every development default starts with {@value #DEV_PREFIX}), WeChat Pay without its merchant,
 * keys and notify URL, a JWT key under 32 bytes or an admin
 * password under 12 characters. The message names every offender at once.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    static final String DEV_PREFIX = "dev-only-";
    static final int MIN_JWT_SECRET_BYTES = 32;
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    private static final List<String> SECRETS = List.of(
            "loyalty.jwt.secret", "loyalty.admin.password", "loyalty.crypto.phone-key", "loyalty.crypto.api-key-secret-key",
            "loyalty.member-code.secret",
            "wx.miniapp.secret", "wx.mp.secret", "wx.mp.token", "wx.pay.api-v3-key");
    /** WeChat Pay's settings that are not secrets but have no usable default. */
    private static final List<String> REQUIRED = List.of(
            "wx.pay.mch-id", "wx.pay.cert-serial-no", "wx.pay.public-key-id", "wx.pay.private-key-path",
            "wx.pay.public-key-path", "wx.pay.notify-url");
    /** Secrets of features that are off while they are empty; once set, they must be real. */
    private static final List<String> SECRETS_WHEN_SET = List.of("wx.mp.aes-key");

    private final Environment env;

    ProductionSafetyCheck(Environment env) {
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (env.getProperty("wx.sandbox.enabled", Boolean.class, false)) {
            problems.add("wx.sandbox.enabled must be false");
        }
        if (!env.getProperty("loyalty.clock.fixed", "").isBlank()) {
            problems.add("loyalty.clock.fixed must not be set");
        }
        for (String name : SECRETS) {
            String value = env.getProperty(name, "");
            if (value.isBlank() || value.startsWith(DEV_PREFIX)) {
                problems.add(name + " must be set to a real secret");
            }
        }
        for (String name : REQUIRED) {
            String value = env.getProperty(name, "");
            if (value.isBlank() || value.startsWith(DEV_PREFIX)) {
                problems.add(name + " must be set");
            }
        }
        for (String name : SECRETS_WHEN_SET) {
            if (env.getProperty(name, "").startsWith(DEV_PREFIX)) {
                problems.add(name + " must be a real secret");
            }
        }
        if (env.getProperty("loyalty.jwt.secret", "").getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
            problems.add("loyalty.jwt.secret must be at least " + MIN_JWT_SECRET_BYTES + " bytes");
        }
        if (env.getProperty("loyalty.admin.password", "").length() < MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add("loyalty.admin.password must be at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start under the prod profile: " + String.join("; ", problems));
        }
    }
}
