package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One change, one message, by one channel: the official account when the member has a linked follower,
 * else a Mini Program subscribe message while a grant is left (each message uses one), else SKIPPED.
 */
class NotificationChannelsTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    Api admin;
    String code;
    long memberId;
    Api member;

    @BeforeEach
    void aMemberWhoDoesNotFollow() {
        admin = api.as(loginAdmin());
        code = unique("granter");
        memberId = memberId(code);
        member = api.as(loginMember(code));
    }

    @Test
    void theMiniProgramIsToldWhichTemplatesToAskGrantsFor() {
        Api.Response templates = member.get("/api/app/subscription-templates");

        assertThat(templates.json().path("pointsChanged").asString()).isEqualTo("tpl-mini-points");
        assertThat(templates.json().path("signInReminder").asString()).isEqualTo("tpl-remind");
        assertThat(templates.json().path("walletChanged").asString()).isEmpty();
    }

    @Test
    void oneGrantBuysOneSubscribeMessageAndTheNextChangeIsSkipped() {
        member.post("/api/app/subscriptions", Map.of("templateId", "tpl-mini-points"));

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 5, "reason", "gift"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses()).containsExactly("SENT"));
        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 6, "reason", "gift"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses()).containsExactly("SENT", "SKIPPED"));

        FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("wx-" + code))));
        FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("wx-" + code)))
                .withRequestBody(matchingJsonPath("$.template_id", equalTo("tpl-mini-points")))
                .withRequestBody(matchingJsonPath("$.page", equalTo("pages/points/index")))
                .withRequestBody(matchingJsonPath("$.data.character_string2.value", equalTo("+5")))
                .withRequestBody(matchingJsonPath("$.data.number3.value", equalTo("5"))));
        FakeWeChat.server().verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("mp-" + code))));
        assertThat(grantsLeft()).isZero();
    }

    @Test
    void aLinkedFollowerGetsTheTemplateMessageAndTheGrantIsKept() {
        member.post("/api/app/subscriptions", Map.of("templateId", "tpl-mini-points"));
        jdbc.update("INSERT INTO notify_follower (mp_openid, unionid, subscribed, updated_at, member_id) "
                + "VALUES (?, NULL, TRUE, CURRENT_TIMESTAMP(6), ?)", "mp-" + code, memberId);

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 9, "reason", "gift"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses()).containsExactly("SENT"));

        FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("mp-" + code))));
        FakeWeChat.server().verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("wx-" + code))));
        assertThat(grantsLeft()).isOne();
    }

    @Test
    void withNeitherTheRowIsSkippedAtOnceAndNothingIsSent() {
        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 4, "reason", "gift"));

        assertThat(statuses()).containsExactly("SKIPPED");
        FakeWeChat.server().verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("wx-" + code))));
    }

    private java.util.List<String> statuses() {
        return jdbc.queryForList("SELECT status FROM notification WHERE member_id = ? AND kind = 'POINTS_CHANGED' ORDER BY id",
                String.class, memberId);
    }

    private int grantsLeft() {
        return jdbc.queryForObject("SELECT grants FROM notify_subscription WHERE member_id = ? AND template_id = ?",
                Integer.class, memberId, "tpl-mini-points");
    }
}
