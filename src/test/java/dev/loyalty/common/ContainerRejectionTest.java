package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the container or the security firewall refuses is answered as a problem with a code, like any other error. */
class ContainerRejectionTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"//api/app/me", "/api/app/%00me", "/api/%2e%2e/admin/audit-log", "/api/app%2Fme",
            "/api/app;jsessionid=x/me", "/api/app/me%", "/bad path"})
    void aPathTheServerRefusesIsA400Problem(String path) {
        assertBadRequestProblem(get(path + " HTTP/1.1\r\nHost: localhost"));
    }

    @Test
    void aTwentyKilobyteQueryIsA400Problem() {
        assertBadRequestProblem(get("/api/app/mall/items?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost"));
    }

    @Test
    void aTwentyKilobyteHeaderIsA400Problem() {
        assertBadRequestProblem(get("/api/app/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(20_000)));
    }

    @Test
    void aMalformedRequestLineIsA400Problem() {
        assertBadRequestProblem(new RawHttp(port).exchange("HELLO", null));
    }

    @Test
    void aQueryThatIsNotValidPercentEncodingIsA400Problem() {
        String token = loginAdmin();

        RawHttp.Response response = get("/api/admin/audit-log?actor=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token);

        assertBadRequestProblem(response);
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void theFirewallsProblemCarriesTheRequestId() {
        RawHttp.Response response = get("//api/app/me HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: trace-87654321");

        assertThat(response.json().path("requestId").asString()).isEqualTo("trace-87654321");
    }

    @Test
    void anErrorPageAskedForDirectlyIsANotFoundProblem() {
        RawHttp.Response response = get("/error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    private RawHttp.Response get(String rest) {
        return new RawHttp(port).exchange("GET " + rest + "\r\nConnection: close", null);
    }

    private static void assertBadRequestProblem(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("BAD_REQUEST");
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(response.json().path("requestId").asString()).isNotBlank();
        assertThat(response.text()).doesNotContain("<html").doesNotContain("Exception");
    }
}
