package dev.loyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class AdminLoginTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwordEncoder;

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
    void guessingPasswordsFromOneAddressIsRateLimited() {
        Api guesser = api.from(nextClientIp());
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            if (guesser.post("/api/admin/auth/login", Map.of("username", unique("nobody"), "password", "guess" + i))
                    .status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThan(0);
    }

    @Test
    void tenFailuresFromManyAddressesLockTheUsernameEvenForTheRightPassword() {
        String username = unique("ops");
        createAdmin(username, "a-long-enough-password");
        for (int i = 0; i < 10; i++) {
            Api.Response failed = api.from(nextClientIp()).post("/api/admin/auth/login",
                    Map.of("username", username, "password", "guess" + i));
            assertThat(failed.status()).isEqualTo(401);
        }

        Api.Response locked = api.from(nextClientIp()).post("/api/admin/auth/login",
                Map.of("username", username, "password", "a-long-enough-password"));
        Api.Response otherAccount = api.from(nextClientIp()).post("/api/admin/auth/login",
                Map.of("username", "admin", "password", "dev-only-admin"));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("RATE_LIMITED");
        assertThat(otherAccount.status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String username = unique("ops");
        createAdmin(username, "a-long-enough-password");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 9; i++) {
                api.from(nextClientIp()).post("/api/admin/auth/login", Map.of("username", username, "password", "x" + i));
            }
            assertThat(api.from(nextClientIp()).post("/api/admin/auth/login",
                    Map.of("username", username, "password", "a-long-enough-password")).status()).isEqualTo(200);
        }
    }

    @Test
    void anAdminTokenIsRefusedOnceItsAccountIsDisabledOrRemoved() {
        String username = unique("ops");
        long id = createAdmin(username, "a-long-enough-password");
        String token = api.post("/api/admin/auth/login", Map.of("username", username, "password", "a-long-enough-password"))
                .json().path("token").asString();
        Api operator = api.as(token);
        assertThat(operator.get("/api/admin/stores").status()).isEqualTo(200);

        jdbc.update("UPDATE admin_account SET enabled = FALSE WHERE id = ?", id);
        Api.Response disabled = operator.get("/api/admin/stores");
        Api.Response loginWhileDisabled = api.post("/api/admin/auth/login",
                Map.of("username", username, "password", "a-long-enough-password"));
        jdbc.update("DELETE FROM admin_account WHERE id = ?", id);
        Api.Response removed = operator.get("/api/admin/stores");

        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.code()).isEqualTo("UNAUTHORIZED");
        assertThat(loginWhileDisabled.status()).isEqualTo(401);
        assertThat(removed.status()).isEqualTo(401);
    }

    private long createAdmin(String username, String password) {
        jdbc.update("INSERT INTO admin_account (username, password_hash, enabled, created_at) VALUES (?, ?, TRUE, ?)",
                username, passwordEncoder.encode(password), java.sql.Timestamp.from(java.time.Instant.now()));
        return jdbc.queryForObject("SELECT id FROM admin_account WHERE username = ?", Long.class, username);
    }
}
