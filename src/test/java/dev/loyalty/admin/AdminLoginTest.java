package dev.loyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminLoginTest extends IntegrationTest {

    @Test
    void theFirstAdminFromConfigurationLogsIn() {
        Api.Response response = api.post("/api/admin/auth/login", Map.of("username", "admin", "password", "dev-only-admin"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("token").asString()).isNotBlank();
        assertThat(api.as(response.json().path("token").asString()).get("/api/admin/audit-log").status()).isEqualTo(200);
    }

    @Test
    void thePasswordIsStoredAsABcryptHash() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM admin_account WHERE username = 'admin'", String.class);

        assertThat(hash).startsWith("$2").doesNotContain("dev-only-admin");
    }

    @Test
    void aWrongPasswordOrUnknownAdminIs401() {
        Api.Response wrongPassword = api.post("/api/admin/auth/login", Map.of("username", "admin", "password", "guess"));
        Api.Response unknown = api.post("/api/admin/auth/login", Map.of("username", "nobody", "password", "guess"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("UNAUTHORIZED");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).isEqualTo(wrongPassword.json().path("detail").asString());
    }

    @Test
    void guessingPasswordsIsRateLimited() {
        Api guesser = api.from(nextClientIp());
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            if (guesser.post("/api/admin/auth/login", Map.of("username", "admin", "password", "guess" + i)).status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThan(0);
    }
}
