package dev.loyalty.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app as a new user runs it: no WeChat host configured, the sandbox answers every WeChat call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wx.sandbox.enabled=true", "wx.miniapp.api-host-url=", "wx.mp.api-host-url="})
class SandboxRunTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:loyalty-sandbox;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void aNewUserLogsInWithAnyCodeAndReadsTheirProfile() {
        String code = "alice-" + System.nanoTime();
        Api api = new Api(port).from("172.31.0.1");

        Api.Response login = api.post("/api/app/auth/login", Map.of("code", code));
        Api.Response me = api.as(login.json().path("token").asString()).get("/api/app/me");
        Api.Response phone = api.as(login.json().path("token").asString()).put("/api/app/me/phone", Map.of("code", "any"));

        assertThat(login.status()).isEqualTo(200);
        assertThat(me.status()).isEqualTo(200);
        assertThat(phone.json().path("phoneMasked").asString()).matches("138\\*{4}\\d{4}");
        assertThat(jdbc.queryForObject("SELECT unionid FROM member WHERE openid = ?", String.class, "sandbox-" + code))
                .isEqualTo("sandbox-union-" + code);
    }

    @Test
    void theSandboxRejectsCodesThatStartWithInvalid() {
        Api.Response login = new Api(port).from("172.31.0.2").post("/api/app/auth/login", Map.of("code", "invalid-x"));

        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("WX_CODE_INVALID");
    }

    @Test
    void theSandboxAcceptsTemplateAndSubscribeMessages() {
        Api api = new Api(port);

        assertThat(api.post("/wx-sandbox/cgi-bin/message/template/send?access_token=t", Map.of("touser", "o1"))
                .json().path("errcode").asInt()).isZero();
        assertThat(api.post("/wx-sandbox/cgi-bin/message/subscribe/send?access_token=t", Map.of("touser", "o1"))
                .json().path("errcode").asInt()).isZero();
    }
}
