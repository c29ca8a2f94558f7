package dev.loyalty.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every test that runs the whole app over HTTP. WeChat is {@link FakeWeChat}, WeChat Pay
 * {@link FakeWeChatPay} on the same server.
 * By default the app runs on its embedded stack (H2 in memory, embedded Redis); with
 * {@code SPRING_PROFILES_ACTIVE=mysql} and {@code SPRING_DATASOURCE_URL} / {@code SPRING_DATA_REDIS_*}
 * in the environment, the same tests run on a real MariaDB/MySQL and Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "loyalty.jobs.scheduled=false", "wx.mp.templates.points-changed.id=tpl-points",
        "wx.mp.templates.wallet-changed.id=tpl-wallet", "wx.mp.templates.coupon-changed.id=tpl-coupon",
        "wx.miniapp.templates.points-changed.id=tpl-mini-points",
        "loyalty.notify.retry-base=0s", "wx.miniapp.template.sign-in-reminder=tpl-remind",
        // safe mode (安全模式) for SafeModePortalTest, in the shared context: plain-text pushes do not use the key
        "wx.mp.aes-key=" + IntegrationTest.MP_AES_KEY,
        // the fake WeChat is on loopback, but a busy two-core machine can keep its first answer past 3 s
        "wx.http.timeout=5s"})
@Import(TestBeans.class)
public abstract class IntegrationTest {

    /** The official account's message key (43 characters of Base64): the portal opens safe-mode pushes with it. */
    public static final String MP_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    /** A client that looks like one device on its own network, so rate limits of other tests don't touch it. */
    protected Api api;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("wx.miniapp.api-host-url", FakeWeChat::url);
        registry.add("wx.mp.api-host-url", FakeWeChat::url);
        registry.add("wx.sandbox.enabled", () -> true);
        registry.add("wx.pay.api-host-url", FakeWeChat::url);
        registry.add("wx.pay.mch-id", () -> FakeWeChatPay.MCH_ID);
        registry.add("wx.pay.api-v3-key", () -> FakeWeChatPay.API_V3_KEY);
        registry.add("wx.pay.cert-serial-no", () -> FakeWeChatPay.CERT_SERIAL_NO);
        registry.add("wx.pay.public-key-id", () -> FakeWeChatPay.PUBLIC_KEY_ID);
        registry.add("wx.pay.private-key-path", FakeWeChatPay::privateKeyPath);
        registry.add("wx.pay.public-key-path", FakeWeChatPay::publicKeyPath);
        registry.add("wx.pay.notify-url", () -> "https://loyalty.example.com/wx/pay/notify");
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:loyalty-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        }
    }

    @BeforeEach
    void newClient() {
        api = new Api(port).from(nextClientIp());
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    protected static String nextClientIp() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Logs a member in through the fake WeChat and answers their id. */
    protected long memberId(String code) {
        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.json().path("member").path("id").asLong();
    }

    /** Logs a new member in through the fake WeChat and answers their token. */
    protected String loginMember(String code) {
        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.json().path("token").asString();
    }

    /** The member code a member's app shows right now, for staff to scan. */
    protected static String memberCode(Api member) {
        return member.get("/api/app/member-code").json().path("code").asString();
    }

    protected String loginAdmin() {
        Api.Response response = api.post("/api/admin/auth/login",
                Map.of("username", "admin", "password", "dev-only-admin"));
        if (response.status() != 200) {
            throw new IllegalStateException("admin login failed: " + response);
        }
        return response.json().path("token").asString();
    }
}
