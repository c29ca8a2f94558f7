package dev.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay as a new user meets it: no WeChat host and no key configured, the sandbox pays. Over HTTP only, as
 * the Mini Program and the console would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wx.sandbox.enabled=true", "wx.miniapp.api-host-url=", "wx.mp.api-host-url=", "wx.pay.api-host-url=",
        "wx.pay.private-key-path=", "wx.pay.public-key-path=", "wx.pay.notify-url=", "loyalty.jobs.scheduled=false"})
class SandboxPayTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:loyalty-sandbox-pay;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void aMemberTopsUpAPlanInTheSandboxAndIsCreditedOnceForThreeNotifies() {
        Api api = new Api(port).from("172.31.1.1");
        Api admin = api.as(api.post("/api/admin/auth/login", Map.of("username", "admin", "password", "dev-only-admin"))
                .json().path("token").asString());
        long plan = admin.post("/api/admin/wallet-plans", Map.of("name", "100 get 20", "payCents", 10_000, "bonusCents", 2_000))
                .json().path("id").asLong();
        Api member = api.as(api.post("/api/app/auth/login", Map.of("code", "payer-" + System.nanoTime())).json().path("token").asString());

        Api.Response order = member.post("/api/app/wallet/top-up-orders", Map.of("planId", plan));
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.json().path("sandbox").asBoolean()).isTrue();
        assertThat(order.json().path("payParams").path("package").asString()).startsWith("prepay_id=sandbox-prepay-");
        String orderNo = order.json().path("orderNo").asString();

        Api.Response simulated = api.post("/wx-sandbox/pay/simulate", Map.of("orderNo", orderNo));

        assertThat(simulated.status()).isEqualTo(200);
        assertThat(simulated.json().path("deliveries").size()).isEqualTo(3);
        simulated.json().path("deliveries").forEach(status -> assertThat(status.asInt()).isEqualTo(204));
        JsonNode wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("balanceCents").asLong()).isEqualTo(12_000);
        assertThat(wallet.path("principalCents").asLong()).isEqualTo(10_000);
        assertThat(wallet.path("bonusCents").asLong()).isEqualTo(2_000);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + orderNo).json().path("status").asString()).isEqualTo("PAID");

        // WeChat Pay may deliver again: still once
        api.post("/wx-sandbox/pay/simulate", Map.of("orderNo", orderNo));
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(12_000);

        Api.Response forged = api.with("Wechatpay-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .with("Wechatpay-Nonce", "n0nce").with("Wechatpay-Serial", "dev-only-PUB_KEY_ID")
                .with("Wechatpay-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post("/wx/pay/notify", "{\"id\":\"x\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource_type\":\"encrypt-resource\","
                        + "\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"AAAA\",\"associated_data\":\"transaction\","
                        + "\"nonce\":\"abcdefghijkl\",\"original_type\":\"transaction\"}}");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asString()).isEqualTo("FAIL");
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(12_000);

        // 3,000 spent at a counter (500 of it bonus, by the proportional rule), then cashed out
        long store = admin.post("/api/admin/stores", Map.of("name", "Sandbox Store")).json().path("id").asLong();
        String cashierCode = "cashier-" + System.nanoTime();
        Api.Response cashierLogin = api.post("/api/app/auth/login", Map.of("code", cashierCode));
        admin.post("/api/admin/staff", Map.of("memberId", cashierLogin.json().path("member").path("id").asLong(), "storeId", store));
        Api cashier = api.as(cashierLogin.json().path("token").asString());
        assertThat(cashier.post("/api/staff/wallet/payments", Map.of("memberCode", member.get("/api/app/member-code").json().path("code")
                .asString(), "orderNo", "S-" + System.nanoTime(), "amountCents", 3_000)).status()).isEqualTo(200);

        JsonNode cashOut = member.post("/api/app/wallet/cash-out", null).json();

        assertThat(cashOut.path("principalCents").asLong()).isEqualTo(7_500);
        assertThat(cashOut.path("bonusForfeitedCents").asLong()).isEqualTo(1_500);
        assertThat(cashOut.path("cashCents").asLong()).isZero();
        assertThat(cashOut.path("refunds")).hasSize(1);
        assertThat(cashOut.path("refunds").get(0).path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(cashOut.path("refunds").get(0).path("amountCents").asLong()).isEqualTo(7_500);
        assertThat(cashOut.path("refunds").get(0).path("status").asString()).isEqualTo("SUCCESS");
        wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("principalCents").asLong()).isZero();
        assertThat(wallet.path("bonusCents").asLong()).isZero();
        assertThat(wallet.path("closed").asBoolean()).isTrue();
    }
}
