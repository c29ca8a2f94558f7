package dev.loyalty.wallet;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.FakeWeChatPay;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.WalletBooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Members top up with WeChat Pay (the fake WeChat Pay server): prepay, notifies credited once, reconciliation. */
class TopUpOrderTest extends IntegrationTest {

    private static final String NOTIFY = "/wx/pay/notify";

    @Test
    void thePrepayCarriesTheMembersOpenidAndTheAmountAndTheAppAnswersThePayParameters() {
        String code = unique("payer");
        Api member = api.as(loginMember(code));

        Api.Response created = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 5_000));

        assertThat(created.status()).isEqualTo(201);
        String orderNo = created.json().path("orderNo").asString();
        List<LoggedRequest> prepays = FakeWeChat.server().findAll(postRequestedFor(urlPathEqualTo("/v3/pay/transactions/jsapi"))
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(orderNo))));
        assertThat(prepays).hasSize(1);
        JsonNode sent = JsonMapper.builder().build().readTree(prepays.get(0).getBodyAsString());
        assertThat(sent.path("payer").path("openid").asString()).isEqualTo("wx-" + code);
        assertThat(sent.path("amount").path("total").asLong()).isEqualTo(5_000);
        assertThat(sent.path("mchid").asString()).isEqualTo(FakeWeChatPay.MCH_ID);
        JsonNode params = created.json().path("payParams");
        assertThat(params.path("package").asString()).isEqualTo("prepay_id=wx-fake-prepay-id");
        assertThat(params.path("signType").asString()).isEqualTo("RSA");
        assertThat(params.path("paySign").asString()).isNotBlank();
        assertThat(created.json().path("amountCents").asLong()).isEqualTo(5_000);
        assertThat(created.json().path("bonusCents").asLong()).isZero();
        assertThat(created.json().path("sandbox").asBoolean()).isFalse();
        assertThat(member.get("/api/app/wallet/top-up-orders/" + orderNo).json().path("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void anOrderIsAPlanOrAnAmountNeverBothAndOnlyItsMemberSeesIt() {
        Api member = api.as(loginMember(unique("payer")));
        long off = planOf(5_000, 500, false);

        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("planId", planOf(100, 0, true), "amountCents", 100)).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("planId", off)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 0)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 1_000_001)).code()).isEqualTo("VALIDATION_FAILED");
        String orderNo = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 100)).json().path("orderNo").asString();

        Api other = api.as(loginMember(unique("other")));
        assertThat(other.get("/api/app/wallet/top-up-orders/" + orderNo).status()).isEqualTo(404);
    }

    @Test
    void aCorrectNotifyCreditsPrincipalAndThePlansBonusOnceHoweverOftenItComes() {
        long memberId = memberId(unique("payer"));
        Api member = api.as(tokenOf(memberId));
        long plan = planOf(10_000, 2_000, true);
        String orderNo = member.post("/api/app/wallet/top-up-orders", Map.of("planId", plan)).json().path("orderNo").asString();

        for (int i = 0; i < 5; i++) {
            assertThat(FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(orderNo, 10_000)).status()).isEqualTo(204);
        }

        JsonNode wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("principalCents").asLong()).isEqualTo(10_000);
        assertThat(wallet.path("bonusCents").asLong()).isEqualTo(2_000);
        WalletBooks.assertBalanced(jdbc, memberId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_entry WHERE member_id = ? AND type = 'TOP_UP' AND order_no = ?",
                Long.class, memberId, orderNo)).isEqualTo(1);
        JsonNode order = member.get("/api/app/wallet/top-up-orders/" + orderNo).json();
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        assertThat(order.path("paidAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'WALLET_TOPPED_UP' AND target = ?",
                Long.class, "top-up-order:" + orderNo)).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneNotifyCreditOnce() throws Exception {
        long memberId = memberId(unique("payer"));
        Api member = api.as(tokenOf(memberId));
        String orderNo = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 7_000)).json().path("orderNo").asString();
        List<Api.Response> answers = AllAtOnce.run(5, i -> {
            FakeWeChatPay.Notify notify = FakeWeChatPay.paidNotify(orderNo, 7_000);
            return () -> FakeWeChatPay.deliver(api, NOTIFY, notify);
        });
        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(204);
        }

        assertThat(member.get("/api/app/wallet").json().path("principalCents").asLong()).isEqualTo(7_000);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(delta_cents), 0) FROM wallet_entry WHERE member_id = ?", Long.class, memberId))
                .isEqualTo(7_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void notifiesThatDoNotVerifyOrDoNotFitTheirOrderCreditNothing() {
        long memberId = memberId(unique("payer"));
        Api member = api.as(tokenOf(memberId));
        String orderNo = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 3_000)).json().path("orderNo").asString();

        Api.Response forged = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.forgedNotify(orderNo, 3_000));
        Api.Response wrongAmount = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(orderNo, 30_000));
        Api.Response unknown = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify("TU-no-such-order", 3_000));
        Api.Response otherMerchant = FakeWeChatPay.deliver(api, NOTIFY,
                FakeWeChatPay.paidNotify(orderNo, "SUCCESS", 3_000, FakeWeChatPay.OTHER_MCH_ID));
        Api.Response notPaid = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(orderNo, "PAYERROR", 3_000, FakeWeChatPay.MCH_ID));
        Api.Response unsigned = api.post(NOTIFY, FakeWeChatPay.paidNotify(orderNo, 3_000).body());
        Api.Response otherApp = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotifyOf(orderNo, 3_000, "wx-another-app", "CNY"));
        Api.Response otherCurrency = FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotifyOf(orderNo, 3_000, "wx-dev-miniapp", "USD"));

        for (Api.Response refused : List.of(forged, wrongAmount, unknown, otherMerchant, notPaid, unsigned, otherApp, otherCurrency)) {
            assertThat(refused.status()).isBetween(400, 599);
            assertThat(refused.json().path("code").asString()).isEqualTo("FAIL");
            assertThat(refused.json().path("message").asString()).isNotBlank();
        }
        assertThat(forged.status()).isEqualTo(401);
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_entry WHERE member_id = ?", Long.class, memberId)).isZero();
        assertThat(member.get("/api/app/wallet/top-up-orders/" + orderNo).json().path("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void aLostNotifyIsRecoveredByTheReconcileJobAndAnUnpaidOrderIsClosedAfterHalfAnHour() {
        long memberId = memberId(unique("payer"));
        Api member = api.as(tokenOf(memberId));
        Api admin = api.as(loginAdmin());
        String paid = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 4_000)).json().path("orderNo").asString();
        String unpaid = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 2_500)).json().path("orderNo").asString();
        FakeWeChatPay.stubQuery(paid, "SUCCESS", 4_000, FakeWeChatPay.MCH_ID);

        // within five minutes WeChat Pay is not asked: a notify may still come
        assertThat(admin.post("/api/admin/jobs/wallet-top-up-reconcile/run", null).status()).isEqualTo(200);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + paid).json().path("status").asString()).isEqualTo("CREATED");

        clock.advance(Duration.ofMinutes(6));
        assertThat(admin.post("/api/admin/jobs/wallet-top-up-reconcile/run", null).status()).isEqualTo(200);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + paid).json().path("status").asString()).isEqualTo("PAID");
        assertThat(member.get("/api/app/wallet/top-up-orders/" + unpaid).json().path("status").asString()).isEqualTo("CREATED");
        assertThat(member.get("/api/app/wallet").json().path("principalCents").asLong()).isEqualTo(4_000);

        clock.advance(Duration.ofMinutes(25));
        admin.post("/api/admin/jobs/wallet-top-up-reconcile/run", null);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + unpaid).json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(FakeWeChat.server().findAll(postRequestedFor(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + unpaid + "/close"))))
                .hasSize(1);

        // the notify of the order the job credited comes late: nothing more
        assertThat(FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(paid, 4_000)).status()).isEqualTo(204);
        assertThat(member.get("/api/app/wallet").json().path("principalCents").asLong()).isEqualTo(4_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aNotifyForAClosedOrderIsCreditedOnlyWhenWeChatPaySaysItWasPaid() {
        long memberId = memberId(unique("payer"));
        Api member = api.as(tokenOf(memberId));
        Api admin = api.as(loginAdmin());
        String paidLate = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 1_500)).json().path("orderNo").asString();
        String neverPaid = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 1_600)).json().path("orderNo").asString();
        clock.advance(Duration.ofMinutes(31));
        admin.post("/api/admin/jobs/wallet-top-up-reconcile/run", null);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + paidLate).json().path("status").asString()).isEqualTo("CLOSED");

        // the member paid in the instant before the close: WeChat Pay says SUCCESS when asked
        FakeWeChatPay.stubQuery(paidLate, "SUCCESS", 1_500, FakeWeChatPay.MCH_ID);
        assertThat(FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(paidLate, 1_500)).status()).isEqualTo(204);
        // a notify for the other closed order, which WeChat Pay says is closed, is refused
        assertThat(FakeWeChatPay.deliver(api, NOTIFY, FakeWeChatPay.paidNotify(neverPaid, 1_600)).status()).isEqualTo(400);

        assertThat(member.get("/api/app/wallet/top-up-orders/" + paidLate).json().path("status").asString()).isEqualTo("PAID");
        assertThat(member.get("/api/app/wallet/top-up-orders/" + neverPaid).json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(member.get("/api/app/wallet").json().path("principalCents").asLong()).isEqualTo(1_500);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    private String tokenOf(long memberId) {
        String code = jdbc.queryForObject("SELECT openid FROM member WHERE id = ?", String.class, memberId).substring("wx-".length());
        return loginMember(code);
    }

    private long planOf(long payCents, long bonusCents, boolean enabled) {
        return api.as(loginAdmin()).post("/api/admin/wallet-plans", Map.of("name", unique("plan"), "payCents", payCents,
                "bonusCents", bonusCents, "enabled", enabled)).json().path("id").asLong();
    }
}
