package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.FakeWeChatPay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Under prod the published app port tells nothing about the machine; the management port does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "loyalty.jobs.scheduled=false",
        "loyalty.jwt.secret=a-real-secret-from-the-vault-0123456789",
        "loyalty.admin.password=Zq8!real-admin-password",
        "loyalty.crypto.phone-key=a-real-phone-key-from-the-vault",
        "loyalty.crypto.api-key-secret-key=a-real-api-key-sealing-key-from-the-vault",
        "loyalty.member-code.secret=a-real-member-code-key",
        "wx.miniapp.secret=real-miniapp-secret", "wx.mp.secret=real-mp-secret", "wx.mp.token=real-mp-token"})
@ActiveProfiles(resolver = ProductionExposureTest.ProdOnTopOfTheStack.class)
class ProductionExposureTest {

    @LocalServerPort
    int appPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    PasswordEncoder passwordEncoder;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("wx.miniapp.api-host-url", FakeWeChat::url);
        registry.add("wx.mp.api-host-url", FakeWeChat::url);
        registry.add("wx.pay.api-host-url", FakeWeChat::url);
        registry.add("wx.pay.mch-id", () -> FakeWeChatPay.MCH_ID);
        registry.add("wx.pay.api-v3-key", () -> FakeWeChatPay.API_V3_KEY);
        registry.add("wx.pay.cert-serial-no", () -> FakeWeChatPay.CERT_SERIAL_NO);
        registry.add("wx.pay.public-key-id", () -> FakeWeChatPay.PUBLIC_KEY_ID);
        registry.add("wx.pay.private-key-path", FakeWeChatPay::privateKeyPath);
        registry.add("wx.pay.public-key-path", FakeWeChatPay::publicKeyPath);
        registry.add("wx.pay.notify-url", () -> "https://loyalty.example.com/wx/pay/notify");
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:loyalty-prod-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void theAppPortServesNoMetricsHealthDetailsOrApiDocs() {
        Api app = new Api(appPort);

        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator/health",
                "/v3/api-docs", "/swagger-ui.html")) {
            assertThat(app.get(path).status()).as(path).isEqualTo(404);
        }
        Api.Response ready = app.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(app.get("/livez").text()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void operatorsPasswordsAreHashedWithBcryptOfCostTen() {
        // the suite's other contexts hash at cost 4 (TestBeans), to spare its thousands of logins; the app does not
        assertThat(passwordEncoder.encode("a password")).startsWith("$2a$10$");
    }

    @Test
    void theManagementPortServesThem() {
        Api management = new Api(managementPort);

        assertThat(management.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health").json().path("components").has("db")).isTrue();
        assertThat(management.get("/actuator/openapi").text()).contains("/api/app/auth/login");
    }

    /** prod on top of whatever stack the suite runs on (the mysql profile in CI's second run). */
    static class ProdOnTopOfTheStack implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            List<String> profiles = new ArrayList<>();
            String active = System.getenv("SPRING_PROFILES_ACTIVE");
            if (active != null && !active.isBlank()) {
                profiles.addAll(Arrays.stream(active.split(",")).map(String::strip).toList());
            }
            profiles.add("prod");
            return profiles.toArray(String[]::new);
        }
    }
}
