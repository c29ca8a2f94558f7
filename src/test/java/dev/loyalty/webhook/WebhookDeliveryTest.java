package dev.loyalty.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loyalty.points.PointsService;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries to a receiver on loopback, which only {@code loyalty.webhooks.allow-private=true} lets a webhook reach. */
@TestPropertySource(properties = "loyalty.webhooks.allow-private=true")
class WebhookDeliveryTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "a-receivers-shared-secret";
    private static WireMockServer receiver;

    @Autowired
    private PointsService points;

    @Autowired
    private PlatformTransactionManager transactions;

    private Api admin;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void signIn() {
        receiver.resetAll();
        admin = api.as(loginAdmin());
    }

    @AfterEach
    void deleteTheWebhooks() {
        clock.reset();
        admin = api.as(loginAdmin());
        for (JsonNode webhook : admin.get("/api/admin/webhooks").json()) {
            assertThat(admin.delete("/api/admin/webhooks/" + webhook.path("id").asLong()).status()).isEqualTo(204);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventThreeTimesWithOneIdAndASignatureThatVerifies() {
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(204)));
        long webhookId = webhook("/flaky", List.of("points.changed"));
        long memberId = memberId(unique("wh-flaky"));

        assertThat(admin.post("/api/admin/members/" + memberId + "/points-adjustments",
                Map.of("delta", 25, "reason", "webhook test")).status()).isEqualTo(200);
        runDeliveries();
        JsonNode first = onlyDelivery(webhookId);
        assertThat(first.path("status").asString()).isEqualTo("PENDING");
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(first.path("lastStatusCode").asInt()).isEqualTo(500);

        runDeliveries();
        assertThat(received("/flaky")).as("not due again before its backoff").hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        runDeliveries();
        assertThat(onlyDelivery(webhookId).path("lastStatusCode").asInt()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(31));
        runDeliveries();

        List<LoggedRequest> requests = received("/flaky");
        assertThat(requests).hasSize(3);
        String eventId = requests.get(0).getHeader("X-Loyalty-Delivery");
        assertThat(eventId).isNotBlank();
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("X-Loyalty-Delivery")).isEqualTo(eventId);
            assertThat(request.getHeader("X-Loyalty-Event")).isEqualTo("points.changed");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(request.getHeader("X-Loyalty-Signature")).isEqualTo(hmacSha256Hex(SECRET, request.getBody()));
            JsonNode event = JSON.readTree(request.getBodyAsString());
            assertThat(event.path("id").asString()).isEqualTo(eventId);
            assertThat(event.path("type").asString()).isEqualTo("points.changed");
            assertThat(event.path("occurredAt").asString()).isNotBlank();
            assertThat(event.path("data").path("memberId").asLong()).isEqualTo(memberId);
            assertThat(event.path("data").path("delta").asLong()).isEqualTo(25);
            assertThat(event.path("data").path("balanceAfter").asLong()).isEqualTo(25);
            assertThat(event.path("data").path("entryType").asString()).isEqualTo("ADJUST");
        }
        JsonNode delivered = onlyDelivery(webhookId);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.path("eventId").asString()).isEqualTo(eventId);
        assertThat(delivered.path("deliveredAt").isNull()).isFalse();
    }

    @Test
    void aPointsChangeMakesExactlyOneDeliveryPerSubscribedWebhookAndNoneForOthers() {
        receiver.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        long first = webhook("/ok", List.of("points.changed"));
        long second = webhook("/ok", List.of("points.changed", "wallet.changed"));
        long walletOnly = webhook("/ok", List.of("wallet.changed"));
        long memberId = memberId(unique("wh-once"));

        assertThat(admin.post("/api/admin/members/" + memberId + "/points-adjustments",
                Map.of("delta", 7, "reason", "webhook test")).status()).isEqualTo(200);

        assertThat(onlyDelivery(first).path("type").asString()).isEqualTo("points.changed");
        assertThat(onlyDelivery(second).path("type").asString()).isEqualTo("points.changed");
        assertThat(onlyDelivery(first).path("eventId").asString())
                .isEqualTo(onlyDelivery(second).path("eventId").asString());
        assertThat(deliveries(walletOnly).path("total").asLong()).isZero();
        runDeliveries();
        assertThat(received("/ok")).hasSize(2);
        assertThat(onlyDelivery(first).path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        receiver.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        long webhookId = webhook("/ok", List.of("points.changed"));
        long memberId = memberId(unique("wh-rollback"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            points.adjust(memberId, 9, "rolled back", unique("wh"));
            status.setRollbackOnly();
        });
        runDeliveries();

        assertThat(points.balance(memberId)).isZero();
        assertThat(deliveries(webhookId).path("total").asLong()).isZero();
        assertThat(received("/ok")).isEmpty();
    }

    @Test
    void aFailedDeliveryIsRetriedByAnOperatorAndADeletedWebhookGetsNothingMore() {
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        long webhookId = webhook("/down", List.of("points.changed"));
        long memberId = memberId(unique("wh-retry"));
        assertThat(memberId).isPositive();
        Api.Response adjusted = admin.post("/api/admin/members/" + memberId + "/points-adjustments",
                Map.of("delta", 3, "reason", "webhook test"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        assertThat(onlyDelivery(webhookId).path("status").asString()).isEqualTo("PENDING");
        for (Duration wait : List.of(Duration.ZERO, Duration.ofSeconds(11), Duration.ofSeconds(31),
                Duration.ofMinutes(3), Duration.ofMinutes(11), Duration.ofMinutes(61), Duration.ofHours(7),
                Duration.ofHours(7))) {
            clock.advance(wait);
            admin = api.as(loginAdmin()); // hours later: a fresh login
            runDeliveries();
        }
        JsonNode failed = onlyDelivery(webhookId);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(8);
        assertThat(failed.path("lastError").asString()).contains("500");
        assertThat(deliveries(webhookId, "FAILED").path("total").asLong()).isEqualTo(1);

        long deliveryId = failed.path("id").asLong();
        Api.Response retried = admin.post("/api/admin/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(retried.json().path("attempts").asInt()).isZero();
        Api.Response again = admin.post("/api/admin/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/retry", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("WEBHOOK_DELIVERY_NOT_RETRYABLE");

        assertThat(admin.delete("/api/admin/webhooks/" + webhookId).status()).isEqualTo(204);
        int before = received("/down").size();
        runDeliveries();
        assertThat(received("/down")).hasSize(before);
        assertThat(admin.get("/api/admin/webhooks/" + webhookId).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE id = ?", String.class, deliveryId))
                .isEqualTo("FAILED");
    }

    private long webhook(String path, List<String> events) {
        Api.Response created = admin.post("/api/admin/webhooks", Map.of(
                "url", "http://127.0.0.1:" + receiver.port() + path, "events", events, "secret", SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(SECRET);
        return created.json().path("id").asLong();
    }

    private void runDeliveries() {
        assertThat(admin.post("/api/admin/jobs/webhook-delivery/run", null).status()).isEqualTo(200);
    }

    private JsonNode deliveries(long webhookId) {
        return admin.get("/api/admin/webhooks/" + webhookId + "/deliveries").json();
    }

    private JsonNode deliveries(long webhookId, String status) {
        return admin.get("/api/admin/webhooks/" + webhookId + "/deliveries?status=" + status).json();
    }

    private JsonNode onlyDelivery(long webhookId) {
        JsonNode page = deliveries(webhookId);
        assertThat(page.path("total").asLong()).as(page.toString()).isEqualTo(1);
        return page.path("items").get(0);
    }

    private static List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
