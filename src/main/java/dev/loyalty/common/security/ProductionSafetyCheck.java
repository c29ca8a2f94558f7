package dev.loyalty.common.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the app refuses to start with anything meant only for a laptop:
 * the WeChat sandbox, a pinned clock, or a secret that still has its development value
 * (every development default starts with {@value #DEV_PREFIX}).
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    static final String DEV_PREFIX = "dev-only-";
    private static final List<String> SECRETS = List.of(
            "loyalty.jwt.secret", "loyalty.admin.password", "loyalty.crypto.phone-key", "loyalty.member-code.secret",
            "wx.mp.token");

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
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start under the prod profile: " + String.join("; ", problems));
        }
    }
}
