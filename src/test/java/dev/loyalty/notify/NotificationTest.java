package dev.loyalty.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hutool.crypto.SecureUtil;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** Followers and template messages against the fake WeChat. */
class NotificationTest extends IntegrationTest {

    /** Senders may still be working through the notifications of earlier, busier tests. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Value("${wx.mp.token}")
    String token;

    Api admin;
    String code;
    long memberId;
    String mpOpenid;

    @BeforeEach
    void aMemberWhoFollowsTheAccount() {
        admin = api.as(loginAdmin());
        code = unique("fan");
        memberId = memberId(code);
        mpOpenid = "mp-" + code;
    }

    @Test
    void theServerCheckAnswersEchostrOnlyWithTheRightSignature() {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = "n1";

        Api.Response good = api.get("/wx/mp/portal?signature=" + sign(ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&echostr=hello");
        Api.Response bad = api.get("/wx/mp/portal?signature=wrong&timestamp=" + ts + "&nonce=" + nonce + "&echostr=hello");

        assertThat(good.status()).isEqualTo(200);
        assertThat(good.text()).isEqualTo("hello");
        assertThat(bad.status()).isEqualTo(403);
    }

    @Test
    void aSubscribeEventRecordsTheFollowerWithTheirUnionidAndABadSignatureRecordsNothing() {
        Api.Response forged = event("subscribe", mpOpenid, "wrong");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_follower WHERE mp_openid = ?", Long.class, mpOpenid)).isZero();

        Api.Response subscribed = subscribe();

        assertThat(subscribed.text()).isEqualTo("success");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT unionid FROM notify_follower WHERE mp_openid = ?", String.class, mpOpenid)).isEqualTo("union-" + code));
        event("unsubscribe", mpOpenid, null);
        assertThat(jdbc.queryForObject("SELECT subscribed FROM notify_follower WHERE mp_openid = ?", Boolean.class, mpOpenid))
                .isFalse();
    }

    @Test
    void aPointsAdjustmentSendsOneTemplateMessageWithTheNewBalance() {
        followed();

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 88, "reason", "gift"));

        await().atMost(PATIENCE).untilAsserted(() -> FakeWeChat.server().verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                        .withRequestBody(matchingJsonPath("$.touser", equalTo(mpOpenid)))
                        .withRequestBody(matchingJsonPath("$.template_id", equalTo("tpl-points")))
                        .withRequestBody(matchingJsonPath("$.miniprogram.pagepath", equalTo("pages/points/index")))
                        .withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("积分调整")))
                        .withRequestBody(matchingJsonPath("$.data.character_string2.value", equalTo("+88")))
                        .withRequestBody(matchingJsonPath("$.data.number3.value", equalTo("88")))
                        .withRequestBody(matchingJsonPath("$.data.time4.value", matching("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")))));
        assertThat(statusOf("POINTS_CHANGED")).isEqualTo("SENT");
    }

    @Test
    void aMemberWhoDoesNotFollowIsSkippedAndRecordedAsSuch() {
        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 5, "reason", "gift"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf("POINTS_CHANGED")).isEqualTo("SKIPPED"));
        JsonNode listed = admin.get("/api/admin/notifications?memberId=" + memberId + "&status=SKIPPED").json();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("lastError").asString())
                .contains("neither follows the official account nor granted a subscribe message");
    }

    @Test
    void weChatBusyTwiceThenOkDeliversOnceAfterThreeAttempts() {
        followed();
        String scenario = unique("busy");
        var wm = FakeWeChat.server();
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(1).inScenario(scenario)
                .withRequestBody(containing(mpOpenid)).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(1).inScenario(scenario)
                .withRequestBody(containing(mpOpenid)).whenScenarioStateIs("second")
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")).willSetStateTo("third"));

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 7, "reason", "gift"));
        await().atMost(PATIENCE).until(() -> attemptsOf("POINTS_CHANGED") >= 1
                && "PENDING".equals(statusOf("POINTS_CHANGED")));
        sweepUntil(() -> "SENT".equals(statusOf("POINTS_CHANGED")));

        assertThat(statusOf("POINTS_CHANGED")).isEqualTo("SENT");
        assertThat(attemptsOf("POINTS_CHANGED")).isEqualTo(3);
        FakeWeChat.server().verify(3, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(containing(mpOpenid)));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheMessageSent() {
        followed();
        String scenario = unique("token");
        FakeWeChat.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(1).inScenario(scenario)
                .withRequestBody(containing(mpOpenid)).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")).willSetStateTo("refreshed"));

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 9, "reason", "gift"));

        sweepUntil(() -> "SENT".equals(statusOf("POINTS_CHANGED")));
        FakeWeChat.server().verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(containing(mpOpenid)));
    }

    @Test
    void aRowLeftBehindByACrashIsDeliveredOnceByTheSweeper() {
        followed();
        jdbc.update("""
                INSERT INTO notification (member_id, kind, source_key, change_text, balance_text, page, status, attempts,
                                          next_attempt_at, created_at)
                VALUES (?, 'POINTS_CHANGED', ?, '+1 积分（EARN）', '1 积分', 'pages/points/index', 'PENDING', 0,
                        CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""", memberId, "crash:" + memberId);

        sweepUntil(() -> "SENT".equals(jdbc.queryForObject("SELECT status FROM notification WHERE source_key = ?",
                String.class, "crash:" + memberId)));
        dispatcherOf(applicationContext).run();

        await().atMost(PATIENCE).untilAsserted(() -> FakeWeChat.server().verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send")).withRequestBody(containing(mpOpenid))));
        assertThat(jdbc.queryForObject("SELECT status FROM notification WHERE source_key = ?", String.class,
                "crash:" + memberId)).isEqualTo("SENT");
    }

    @Test
    void anUnfollowReportedBySendingMarksTheFollowerAndSkips() {
        followed();
        FakeWeChat.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(1)
                .withRequestBody(containing(mpOpenid))
                .willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));

        admin.post("/api/admin/members/" + memberId + "/points-adjustments", Map.of("delta", 3, "reason", "gift"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf("POINTS_CHANGED")).isEqualTo("SKIPPED"));
        assertThat(jdbc.queryForObject("SELECT subscribed FROM notify_follower WHERE mp_openid = ?", Boolean.class, mpOpenid))
                .isFalse();
    }

    @Test
    void aWalletPaymentAndACouponVerificationEachSendOneMessage() {
        followed();
        long store = admin.post("/api/admin/stores", Map.of("name", "Notify Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", store));
        Api cashier = api.as(loginMember(cashierCode));
        Api member = api.as(loginMember(code));
        long template = admin.post("/api/admin/coupon-templates", Map.of("name", "Free tea", "type", "GIFT",
                "pointsPrice", 0, "totalStock", 5, "perMemberLimit", 1, "validDays", 7, "enabled", true)).json().path("id").asLong();

        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"), "amountCents", 10_000));
        cashier.post("/api/staff/wallet/payments", Map.of("memberCode", memberCode(member), "orderNo", unique("P"), "amountCents", 3_000));
        String coupon = member.with("Idempotency-Key", "n1").post("/api/app/mall/items/" + template + "/redeem", null)
                .json().path("coupon").path("code").asString();
        cashier.post("/api/staff/coupons/verify", Map.of("code", coupon));

        await().atMost(PATIENCE).untilAsserted(() -> {
            FakeWeChat.server().verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                    .withRequestBody(containing(mpOpenid)).withRequestBody(containing("tpl-wallet")));
            FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                    .withRequestBody(containing(mpOpenid)).withRequestBody(containing("¥70.00")));
            FakeWeChat.server().verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                    .withRequestBody(containing(mpOpenid)).withRequestBody(containing("tpl-coupon"))
                    .withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("Free tea")))
                    .withRequestBody(matchingJsonPath("$.data.phrase2.value", equalTo("已使用"))));
        });
    }

    @Test
    void twoInstancesDispatchingFiveHundredChangesSendFiveHundredMessages() throws Exception {
        followed();
        for (int i = 0; i < 500; i++) {
            jdbc.update("""
                    INSERT INTO notification (member_id, kind, source_key, change_text, balance_text, page, status, attempts,
                                              next_attempt_at, created_at)
                    VALUES (?, 'POINTS_CHANGED', ?, '+1 积分（EARN）', '1 积分', 'pages/points/index', 'PENDING', 0,
                            CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""", memberId, "bulk:" + memberId + ":" + i);
        }
        try (var second = secondInstance()) {
            var here = dispatcherOf(applicationContext);
            var there = dispatcherOf(second);
            long claimed = AllAtOnce.run(2, i -> () -> drain(i == 0 ? here : there, memberId)).stream()
                    .mapToLong(Long::longValue).sum();

            assertThat(claimed).isEqualTo(500);
        }
        FakeWeChat.server().verify(500, postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(containing(mpOpenid)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE source_key LIKE ? AND status = 'SENT'",
                Long.class, "bulk:" + memberId + ":%")).isEqualTo(500);
    }

    @Test
    void aCouponAboutToExpireIsNoticedOnce() {
        followed();
        Api member = api.as(loginMember(code));
        long template = admin.post("/api/admin/coupon-templates", Map.of("name", "Soon gone", "type", "GIFT",
                "pointsPrice", 0, "totalStock", 5, "perMemberLimit", 1, "validDays", 2, "enabled", true)).json().path("id").asLong();
        member.with("Idempotency-Key", "soon").post("/api/app/mall/items/" + template + "/redeem", null);

        admin.post("/api/admin/jobs/coupon-expiring-notice/run", null);
        admin.post("/api/admin/jobs/coupon-expiring-notice/run", null);

        await().atMost(PATIENCE).untilAsserted(() -> FakeWeChat.server().verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                        .withRequestBody(containing(mpOpenid))
                        .withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("Soon gone")))
                        .withRequestBody(matchingJsonPath("$.data.phrase2.value", equalTo("即将过期")))));
    }

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    Environment env;

    /** Runs the sweeper, as a restarted instance would, until {@code done}. */
    private void sweepUntil(Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            dispatcherOf(applicationContext).run();
            return done.call();
        });
    }

    private static dev.loyalty.common.jobs.Job dispatcherOf(ApplicationContext context) {
        return context.getBeansOfType(dev.loyalty.common.jobs.Job.class).values().stream()
                .filter(job -> job.name().equals("notify-retry")).findFirst().orElseThrow();
    }

    /** Runs the dispatcher until none of the member's rows is pending; answers how many it claimed. */
    private long drain(dev.loyalty.common.jobs.Job dispatcher, long member) {
        long total = 0;
        for (int round = 0; round < 100 && pending(member) > 0; round++) {
            total += dispatcher.run();
        }
        return total;
    }

    private long pending(long member) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE member_id = ? AND status IN ('PENDING', 'SENDING')",
                Long.class, member);
    }

    private ConfigurableApplicationContext secondInstance() {
        return dev.loyalty.support.SecondInstance.start(env, "--wx.mp.templates.points-changed.id=tpl-points");
    }


    private void followed() {
        subscribe();
        await().atMost(PATIENCE).until(() -> "union-" .concat(code).equals(jdbc.queryForObject(
                "SELECT unionid FROM notify_follower WHERE mp_openid = ?", String.class, mpOpenid)));
    }

    private Api.Response subscribe() {
        return event("subscribe", mpOpenid, null);
    }

    private Api.Response event(String event, String openid, String signature) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = "nonce" + System.nanoTime();
        String xml = "<xml><ToUserName><![CDATA[gh_brand]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
                + event + "]]></Event></xml>";
        return api.send("POST", "/wx/mp/portal?signature=" + (signature == null ? sign(ts, nonce) : signature)
                + "&timestamp=" + ts + "&nonce=" + nonce, xml);
    }

    private String sign(String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        return SecureUtil.sha1(String.join("", parts));
    }

    private String statusOf(String kind) {
        return jdbc.queryForList("SELECT status FROM notification WHERE member_id = ? AND kind = ? ORDER BY id DESC",
                String.class, memberId, kind).stream().findFirst().orElse(null);
    }

    private int attemptsOf(String kind) {
        return jdbc.queryForList("SELECT attempts FROM notification WHERE member_id = ? AND kind = ? ORDER BY id DESC",
                Integer.class, memberId, kind).stream().findFirst().orElse(0);
    }
}
