package dev.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Webhooks as operators manage them, with private addresses refused (the default). */
class WebhookAdminTest extends IntegrationTest {

    /** A public address (TEST-NET-3) that needs no DNS: allowed, and never delivered to here. */
    private static final String PUBLIC_URL = "https://203.0.113.10/loyalty-hooks";
    private static final String SECRET = "a-receivers-shared-secret";

    private Api admin;

    @BeforeEach
    void signIn() {
        admin = api.as(loginAdmin());
    }

    @AfterEach
    void deleteTheWebhooks() {
        for (JsonNode webhook : admin.get("/api/admin/webhooks").json()) {
            admin.delete("/api/admin/webhooks/" + webhook.path("id").asLong());
        }
    }

    @Test
    void createsListsAndDeletesAWebhookWithoutEverShowingItsSecret() {
        Api.Response created = admin.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of("wallet.changed", "points.changed"), "secret", SECRET));

        assertThat(created.status()).isEqualTo(201);
        JsonNode webhook = created.json();
        assertThat(webhook.path("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(webhook.path("events").toString()).isEqualTo("[\"points.changed\",\"wallet.changed\"]");
        assertThat(webhook.path("enabled").asBoolean()).isTrue();
        assertThat(webhook.path("createdAt").asString()).isNotBlank();
        assertThat(webhook.has("secret")).isFalse();
        long id = webhook.path("id").asLong();
        Api.Response one = admin.get("/api/admin/webhooks/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text()).doesNotContain(SECRET);
        assertThat(admin.get("/api/admin/webhooks").text()).contains(PUBLIC_URL).doesNotContain(SECRET);
        assertThat(admin.get("/api/admin/webhooks/" + id + "/deliveries").json().path("total").asLong()).isZero();

        assertThat(admin.delete("/api/admin/webhooks/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/webhooks/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/admin/webhooks/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void refusesPrivateLoopbackAndLinkLocalAddressesAndPlainHttp() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://[::1]/hook", "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.4/hook",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
                "https://[::ffff:127.0.0.1]/hook", "https://100.64.0.1/hook", "https://224.0.0.1/hook",
                "http://203.0.113.10/hook", "ftp://203.0.113.10/hook", "https://user:pw@203.0.113.10/hook",
                "not a url", "https:///no-host")) {
            Api.Response refused = admin.post("/api/admin/webhooks",
                    Map.of("url", url, "events", List.of("points.changed"), "secret", SECRET));
            assertThat(refused.status()).as(url + ": " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().path("errors").get(0).path("field").asString()).as(url).isEqualTo("url");
        }
        assertThat(admin.get("/api/admin/webhooks").json().size()).isZero();
    }

    @Test
    void refusesUnknownEventsAndShortSecrets() {
        Api.Response unknown = admin.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of("points.changed", "member.deleted"), "secret", SECRET));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("events");
        Api.Response none = admin.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of(), "secret", SECRET));
        assertThat(none.status()).isEqualTo(400);
        Api.Response shortSecret = admin.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of("points.changed"), "secret", "short"));
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.json().path("errors").get(0).path("field").asString()).isEqualTo("secret");
    }

    @Test
    void anAuditorReadsWebhooksButCannotCreateOrDeleteThem() {
        long id = admin.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of("points.changed"), "secret", SECRET)).json().path("id").asLong();
        Api auditor = operator("AUDITOR");

        Api.Response create = auditor.post("/api/admin/webhooks",
                Map.of("url", PUBLIC_URL, "events", List.of("points.changed"), "secret", SECRET));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("FORBIDDEN");
        assertThat(auditor.delete("/api/admin/webhooks/" + id).status()).isEqualTo(403);
        assertThat(auditor.post("/api/admin/webhooks/" + id + "/deliveries/1/retry", null).status()).isEqualTo(403);
        assertThat(auditor.get("/api/admin/webhooks").status()).isEqualTo(200);
        assertThat(auditor.get("/api/admin/webhooks/" + id + "/deliveries").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/webhooks/" + id).status()).isEqualTo(200);
        Api operator = operator("OPERATOR");
        assertThat(operator.delete("/api/admin/webhooks/" + id).status()).isEqualTo(204);
    }

    private Api operator(String role) {
        String username = unique(role.toLowerCase());
        String password = "a-long-enough-password";
        assertThat(admin.post("/api/admin/operators", Map.of("username", username, "password", password, "role", role))
                .status()).isEqualTo(201);
        return api.as(api.post("/api/admin/auth/login", Map.of("username", username, "password", password))
                .json().path("token").asString());
    }
}
