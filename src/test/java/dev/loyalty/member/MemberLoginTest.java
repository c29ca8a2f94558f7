package dev.loyalty.member;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberLoginTest extends IntegrationTest {

    @Test
    void firstLoginCreatesTheMemberAndLaterLoginsFindThem() {
        String code = unique("alice");

        Api.Response first = api.post("/api/app/auth/login", Map.of("code", code, "nickname", "Alice"));
        Api.Response second = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("created").asBoolean()).isTrue();
        assertThat(first.json().path("token").asString()).isNotBlank();
        assertThat(Instant.parse(first.json().path("expiresAt").asString())).isAfter(Instant.now());
        assertThat(first.json().path("member").path("nickname").asString()).isEqualTo("Alice");
        assertThat(first.json().path("member").path("level").path("code").asString()).isEqualTo("BASE");
        assertThat(second.json().path("created").asBoolean()).isFalse();
        assertThat(second.json().path("member").path("id").asLong())
                .isEqualTo(first.json().path("member").path("id").asLong());

        Map<String, Object> row = jdbc.queryForMap("SELECT openid, unionid FROM member WHERE openid = ?", "wx-" + code);
        assertThat(row.get("unionid")).isEqualTo("union-" + code);
    }

    @Test
    void theTokenOpensTheMembersOwnProfile() {
        String code = unique("bob");
        Api.Response login = api.post("/api/app/auth/login", Map.of("code", code, "nickname", "Bob"));

        Api.Response me = api.as(login.json().path("token").asString()).get("/api/app/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asLong()).isEqualTo(login.json().path("member").path("id").asLong());
        assertThat(me.json().path("nickname").asString()).isEqualTo("Bob");
    }

    @Test
    void theSessionKeyNeverLeavesTheServer() {
        Api.Response login = api.post("/api/app/auth/login", Map.of("code", unique("carol")));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).doesNotContain(FakeWeChat.SESSION_KEY).doesNotContainIgnoringCase("session");
    }

    @Test
    void twentyConcurrentFirstLoginsOfOneOpenidCreateOneMember() throws Exception {
        String code = unique("crowd");
        List<Api.Response> responses = AllAtOnce.times(20, () -> api.post("/api/app/auth/login", Map.of("code", code)));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.json().path("member").path("id").asLong()).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> r.json().path("created").asBoolean())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE openid = ?", Long.class, "wx-" + code))
                .isEqualTo(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "<script>", "nul\u0000byte", "two words", "%41", "\u4e2d\u6587"})
    void aCodeWeChatNeverIssuesIs400WxCodeInvalidWithoutAskingWeChat(String code) {
        int asked = FakeWeChat.server().countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/sns/jscode2session")).build()).getCount();

        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("WX_CODE_INVALID");
        assertThat(FakeWeChat.server().countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/sns/jscode2session")).build()).getCount()).isEqualTo(asked);
    }

    @Test
    void aCodeLongerThanWeChatsIs400WxCodeInvalid() {
        Api.Response response = api.post("/api/app/auth/login", Map.of("code", "x".repeat(129)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("WX_CODE_INVALID");
    }

    @Test
    void aCodeWeChatRejectsIs400WxCodeInvalid() {
        String code = unique("stale");
        FakeWeChat.rejectCode(code, 40029);

        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("WX_CODE_INVALID");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aUsedCodeIs400WxCodeInvalid() {
        String code = unique("used");
        FakeWeChat.rejectCode(code, 40163);

        assertThat(api.post("/api/app/auth/login", Map.of("code", code)).code()).isEqualTo("WX_CODE_INVALID");
    }

    @Test
    void weChatBusyIs503WithinAFewSeconds() {
        String code = unique("busy");
        FakeWeChat.rejectCode(code, -1);

        long started = System.nanoTime();
        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("WX_UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBrokenConnectionToWeChatIs503() {
        String code = unique("reset");
        FakeWeChat.breakConnectionFor(code);

        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("WX_UNAVAILABLE");
    }

    @Test
    void aWeChatSlowerThanTheTimeoutIs503() {
        String code = unique("slow");
        FakeWeChat.stallFor(code, 8_000);

        Api.Response response = api.post("/api/app/auth/login", Map.of("code", code));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("WX_UNAVAILABLE");
    }

    @Test
    void aShopsWifiMayLogInThirtyTimesAtOnceButNotHammerForever() {
        Api shopWifi = api.from(nextClientIp());
        for (int i = 0; i < 30; i++) {
            assertThat(shopWifi.post("/api/app/auth/login", Map.of("code", unique("shop"))).status())
                    .as("login %d of the burst", i + 1).isEqualTo(200);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(shopWifi.post("/api/app/auth/login", Map.of("code", unique("script"))).status());
        }
        assertThat(statuses).contains(429);
        Api.Response limited = shopWifi.post("/api/app/auth/login", Map.of("code", unique("script")));
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(api.from(nextClientIp()).post("/api/app/auth/login", Map.of("code", unique("neighbour"))).status())
                .as("another address is not limited").isEqualTo(200);
    }
}
