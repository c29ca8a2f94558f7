package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class ErrorsAndSecurityTest extends IntegrationTest {

    @Value("${loyalty.jwt.secret}")
    String jwtSecret;

    @Test
    void malformedJsonIs400ProblemWithACodeAndRequestId() {
        Api.Response response = api.post("/api/app/auth/login", "{\"code\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("requestId").asString()).isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at dev.loyalty");
    }

    @Test
    void aMissingCodeNamesTheField() {
        Api.Response response = api.post("/api/app/auth/login", Map.of("nickname", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
    }

    @Test
    void aWrongJsonTypeIs400() {
        Api.Response response = api.post("/api/app/auth/login", "{\"code\": {\"nested\": true}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void noTokenIs401() {
        Api.Response response = api.get("/api/app/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.json().path("requestId").asString()).isNotBlank();
    }

    @Test
    void aForgedTokenIs401() {
        String forged = Jwts.builder().issuer("loyalty").subject("1").claim("typ", "ADMIN")
                .expiration(Date.from(Instant.now().plusSeconds(3600)))
                .signWith(Keys.hmacShaKeyFor("someone-elses-secret-that-is-long-enough!".getBytes(StandardCharsets.UTF_8)))
                .compact();

        Api.Response response = api.as(forged).get("/api/admin/audit-log");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwts.builder().issuer("loyalty").subject("1").claim("typ", "MEMBER")
                .issuedAt(Date.from(Instant.now().minusSeconds(7200)))
                .expiration(Date.from(Instant.now().minusSeconds(3600)))
                .signWith(Keys.hmacShaKeyFor(jwtSecret.getBytes(StandardCharsets.UTF_8)))
                .compact();

        Api.Response response = api.as(expired).get("/api/app/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenWithoutAnExpiryIs401() {
        long memberId = memberId(unique("forever"));
        String forever = Jwts.builder().issuer("loyalty").subject(Long.toString(memberId)).claim("typ", "MEMBER")
                .issuedAt(Date.from(Instant.now()))
                .signWith(Keys.hmacShaKeyFor(jwtSecret.getBytes(StandardCharsets.UTF_8)))
                .compact();

        Api.Response response = api.as(forever).get("/api/app/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401() {
        assertThat(api.as("not-a-jwt").get("/api/app/me").code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aMemberTokenOnAnAdminPathIs403() {
        Api.Response response = api.as(loginMember(unique("eve"))).get("/api/admin/audit-log");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anAdminTokenOnAMemberPathIs403() {
        Api.Response response = api.as(loginAdmin()).get("/api/app/me");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownPathIs404Problem() {
        Api.Response response = api.get("/no/such/thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405Problem() {
        Api.Response response = api.as(loginMember(unique("frank"))).put("/api/app/me", Map.of());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aBadQueryParameterTypeIs400() {
        Api.Response response = api.as(loginAdmin()).get("/api/admin/audit-log?page=abc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aQueryStringThatIsNotUtf8Is400() {
        Api.Response response = api.as(loginAdmin()).get("/api/admin/audit-log?action=%FF%FE");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPageSizeOverTheLimitIs400() {
        Api.Response response = api.as(loginAdmin()).get("/api/admin/audit-log?size=500");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    @Test
    void theCallersRequestIdIsKept() {
        Api.Response response = api.with("X-Request-Id", "trace-12345678").get("/api/app/me");

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-12345678");
        assertThat(response.json().path("requestId").asString()).isEqualTo("trace-12345678");
    }

    @Test
    void theLoadBalancersProbesAnswerStatusOnly() {
        Api.Response ready = api.get("/readyz");
        Api.Response live = api.get("/livez");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asString()).isEqualTo("UP");
        assertThat(ready.json().has("components")).isFalse();
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().has("components")).isFalse();
    }

    @Test
    void healthReportsDatabaseAndRedis() {
        Api.Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAndTheOpenApiDocumentAreServed() {
        assertThat(api.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/app/auth/login")).isTrue();
        assertThat(docs.json().path("paths").has("/api/admin/audit-log")).isTrue();
    }
}
