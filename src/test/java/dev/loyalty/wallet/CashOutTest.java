package dev.loyalty.wallet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.FakeWeChat;
import dev.loyalty.support.FakeWeChatPay;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.WalletBooks;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cash-out: the principal goes back to WeChat Pay top-ups (newest first) and the counter, the bonus is forfeited, the wallet closes. */
class CashOutTest extends IntegrationTest {

    Api admin;
    Api cashier;
    Api member;
    long memberId;
    String memberLoginCode;

    @BeforeEach
    void openACounter() {
        admin = api.as(loginAdmin());
        long storeId = admin.post("/api/admin/stores", Map.of("name", "Cash-out Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", storeId));
        cashier = api.as(loginMember(cashierCode));
        String code = unique("saver");
        memberLoginCode = code;
        memberId = memberId(code);
        member = api.as(loginMember(code));
    }

    @Test
    void thePrincipalLeftIsRefundedTheBonusForfeitedAndTheWalletClosesUntilReopened() {
        long plan = admin.post("/api/admin/wallet-plans", Map.of("name", unique("100 get 20"), "payCents", 10_000, "bonusCents", 2_000))
                .json().path("id").asLong();
        String orderNo = paidTopUp(Map.of("planId", plan), 10_000);
        FakeWeChatPay.stubRefund(orderNo, "PROCESSING");
        // 3,000 spent: bonus taken = floor(3,000 × 2,000 ÷ 12,000) = 500, principal 2,500
        Api.Response spent = cashier.post("/api/staff/wallet/payments", Map.of("memberCode", memberCode(member),
                "orderNo", unique("P"), "amountCents", 3_000));
        assertThat(spent.json().path("principalCents").asLong()).isEqualTo(2_500);
        assertThat(spent.json().path("bonusCents").asLong()).isEqualTo(500);

        JsonNode preview = member.get("/api/app/wallet/cash-out").json();
        assertThat(preview.path("principalCents").asLong()).isEqualTo(7_500);
        assertThat(preview.path("bonusForfeitedCents").asLong()).isEqualTo(1_500);
        assertThat(preview.path("cashCents").asLong()).isZero();
        assertThat(preview.path("closed").asBoolean()).isFalse();
        assertThat(preview.path("refunds").get(0).path("status").asString()).isEqualTo("PLANNED");
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).as("a preview writes nothing").isEqualTo(9_000);

        Api.Response cashOut = member.post("/api/app/wallet/cash-out", null);

        assertThat(cashOut.status()).isEqualTo(200);
        JsonNode done = cashOut.json();
        assertThat(done.path("principalCents").asLong()).isEqualTo(7_500);
        assertThat(done.path("bonusForfeitedCents").asLong()).isEqualTo(1_500);
        assertThat(done.path("cashCents").asLong()).isZero();
        assertThat(done.path("closed").asBoolean()).isTrue();
        assertThat(done.path("refunds")).hasSize(1);
        JsonNode refund = done.path("refunds").get(0);
        assertThat(refund.path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(refund.path("amountCents").asLong()).isEqualTo(7_500);
        assertThat(refund.path("status").asString()).isEqualTo("PROCESSING");
        JsonNode sent = JsonMapper.builder().build().readTree(FakeWeChat.server()
                .findAll(postRequestedFor(urlPathEqualTo("/v3/refund/domestic/refunds"))
                        .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(orderNo)))).get(0).getBodyAsString());
        assertThat(sent.path("out_refund_no").asString()).isEqualTo(refund.path("refundNo").asString());
        assertThat(sent.path("amount").path("refund").asLong()).isEqualTo(7_500);
        assertThat(sent.path("amount").path("total").asLong()).isEqualTo(10_000);

        JsonNode wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("principalCents").asLong()).isZero();
        assertThat(wallet.path("bonusCents").asLong()).isZero();
        assertThat(wallet.path("closed").asBoolean()).isTrue();
        WalletBooks.assertBalanced(jdbc, memberId);
        assertThat(jdbc.queryForObject("SELECT principal_delta_cents FROM wallet_entry WHERE member_id = ? AND type = 'CASH_OUT'",
                Long.class, memberId)).isEqualTo(-7_500);
        assertThat(jdbc.queryForObject("SELECT bonus_delta_cents FROM wallet_entry WHERE member_id = ? AND type = 'BONUS_FORFEITED'",
                Long.class, memberId)).isEqualTo(-1_500);
        assertThat(jdbc.queryForObject("SELECT actor_type FROM audit_log WHERE action = 'WALLET_CASHED_OUT' AND target = ?",
                String.class, "member:" + memberId)).isEqualTo("MEMBER");
        // the new ledger types are told to the member like every other wallet change
        assertThat(jdbc.queryForList("SELECT n.change_text FROM notification n JOIN wallet_entry e"
                + " ON n.source_key = CONCAT('wallet:', e.id) WHERE e.member_id = ? AND e.type IN ('CASH_OUT', 'BONUS_FORFEITED')",
                String.class, memberId)).hasSize(2).allSatisfy(text -> assertThat(text).containsAnyOf("储值退款提现", "赠送金清零"));

        // the refund notify marks it done
        Api.Response notified = FakeWeChatPay.deliver(api, "/wx/pay/refund-notify",
                FakeWeChatPay.refundNotify(orderNo, refund.path("refundNo").asString(), 7_500, 10_000));
        assertThat(notified.status()).isEqualTo(204);
        assertThat(refundStatus(refund.path("refundNo").asString())).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = ? ORDER BY id", String.class,
                "wallet-refund:" + refund.path("refundNo").asString())).containsExactly("WALLET_REFUND_PROCESSING", "WALLET_REFUND_SUCCESS");

        // closed: no top-up goes in, a second cash-out is refused
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 100)).code()).isEqualTo("WALLET_CLOSED");
        assertThat(cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"),
                "amountCents", 1_000)).code()).isEqualTo("WALLET_CLOSED");
        Api.Response again = member.post("/api/app/wallet/cash-out", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("WALLET_CLOSED");

        Api.Response reopened = admin.post("/api/admin/members/" + memberId + "/wallet/reopen", null);
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().path("closed").asBoolean()).isFalse();
        assertThat(member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 100)).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'WALLET_REOPENED' AND target = ?",
                Long.class, "member:" + memberId)).isEqualTo(1);
    }

    @Test
    void refundsGoToTheNewestTopUpsFirstAndWhatCameInAtTheCounterIsPaidInCash() {
        String older = paidTopUp(Map.of("amountCents", 3_000), 3_000);
        String newer = paidTopUp(Map.of("amountCents", 4_000), 4_000);
        FakeWeChatPay.stubRefund(older, "SUCCESS");
        FakeWeChatPay.stubRefund(newer, "SUCCESS");
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"), "amountCents", 5_000));
        cashier.post("/api/staff/wallet/payments", Map.of("memberCode", memberCode(member), "orderNo", unique("P"), "amountCents", 6_000));

        JsonNode done = admin.post("/api/admin/members/" + memberId + "/wallet/cash-out", null).json();

        // 12,000 in, 6,000 spent: 6,000 left; 4,000 to the newer top-up, 2,000 to the older one, nothing in cash
        assertThat(done.path("principalCents").asLong()).isEqualTo(6_000);
        assertThat(done.path("refunds")).hasSize(2);
        assertThat(done.path("refunds").get(0).path("orderNo").asString()).isEqualTo(newer);
        assertThat(done.path("refunds").get(0).path("amountCents").asLong()).isEqualTo(4_000);
        assertThat(done.path("refunds").get(1).path("orderNo").asString()).isEqualTo(older);
        assertThat(done.path("refunds").get(1).path("amountCents").asLong()).isEqualTo(2_000);
        assertThat(done.path("refunds").get(1).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("cashCents").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT actor_type FROM audit_log WHERE action = 'WALLET_CASHED_OUT' AND target = ?",
                String.class, "member:" + memberId)).isEqualTo("ADMIN");
        WalletBooks.assertBalanced(jdbc, memberId);

        // reopened and topped up at the counter only: all of it is cash; the top-ups refunded in part keep what is left
        admin.post("/api/admin/members/" + memberId + "/wallet/reopen", null);
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"), "amountCents", 2_500));
        JsonNode second = member.get("/api/app/wallet/cash-out").json();
        assertThat(second.path("refunds")).hasSize(1);
        assertThat(second.path("refunds").get(0).path("orderNo").asString()).isEqualTo(older);
        assertThat(second.path("refunds").get(0).path("amountCents").asLong()).isEqualTo(1_000);
        assertThat(second.path("cashCents").asLong()).isEqualTo(1_500);
    }

    @Test
    void topUpsPaidMoreThanAYearAgoAreNotRefundedThroughWeChatPay() {
        paidTopUp(Map.of("amountCents", 2_000), 2_000);
        clock.advance(Duration.ofDays(366));

        JsonNode preview = api.as(loginMember(memberLoginCode)).get("/api/app/wallet/cash-out").json();

        assertThat(preview.path("refunds")).isEmpty();
        assertThat(preview.path("cashCents").asLong()).isEqualTo(2_000);
    }

    @Test
    void aFailedRefundCallIsRetriedByTheJob() {
        String orderNo = paidTopUp(Map.of("amountCents", 5_000), 5_000);
        var broken = FakeWeChat.server().stubFor(post(urlPathEqualTo("/v3/refund/domestic/refunds")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(orderNo)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode done = member.post("/api/app/wallet/cash-out", null).json();
        String refundNo = done.path("refunds").get(0).path("refundNo").asString();
        assertThat(done.path("refunds").get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("closed").asBoolean()).isTrue();

        FakeWeChat.server().removeStub(broken);
        FakeWeChatPay.stubRefund(orderNo, "SUCCESS");
        clock.advance(Duration.ofMinutes(2));
        assertThat(admin.post("/api/admin/jobs/wallet-refund-retry/run", null).status()).isEqualTo(200);

        assertThat(refundStatus(refundNo)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT attempts FROM wallet_refund WHERE refund_no = ?", Integer.class, refundNo)).isEqualTo(2);
    }

    @Test
    void paymentsRacingACashOutEitherGoFirstOrFindTheWalletEmptyAndTheLedgerStillSumsToTheBalances() throws Exception {
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"), "amountCents", 50_000));
        int payers = 8;
        // tasks 0..7 pay 1,000 at the counter, each with a code of its own; task 8 cashes out
        List<Api.Response> answers = AllAtOnce.run(payers + 1, i -> {
            if (i == payers) {
                return () -> member.post("/api/app/wallet/cash-out", null);
            }
            String code = memberCode(member);
            return () -> cashier.post("/api/staff/wallet/payments", Map.of("memberCode", code, "orderNo", unique("P"), "amountCents", 1_000));
        });
        int paid = 0;
        for (Api.Response payment : answers.subList(0, payers)) {
            int status = payment.status();
            assertThat(status).isIn(200, 409);
            paid += status == 200 ? 1 : 0;
        }
        JsonNode cashOut = answers.get(payers).json();

        assertThat(cashOut.path("principalCents").asLong() + cashOut.path("bonusForfeitedCents").asLong())
                .isEqualTo(50_000 - 1_000L * paid);
        assertThat(cashOut.path("cashCents").asLong()).isEqualTo(50_000 - 1_000L * paid);
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void anEmptyWalletIsJustClosedAndASecondCashOutIsRefused() {
        Api.Response first = member.post("/api/app/wallet/cash-out", null);
        Api.Response second = member.post("/api/app/wallet/cash-out", null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("principalCents").asLong()).isZero();
        assertThat(first.json().path("refunds")).isEmpty();
        assertThat(first.json().path("closed").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_entry WHERE member_id = ?", Long.class, memberId)).isZero();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("WALLET_CLOSED");
    }

    @Test
    void topUpOrdersStillOpenAreSettledFirstSoNoPaymentLandsInTheClosedWallet() {
        // one paid at WeChat Pay whose notify has not arrived, one the member walked away from
        String paidUnheard = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 4_000)).json().path("orderNo").asString();
        String abandoned = member.post("/api/app/wallet/top-up-orders", Map.of("amountCents", 6_000)).json().path("orderNo").asString();
        FakeWeChatPay.stubQuery(paidUnheard, "SUCCESS", 4_000, FakeWeChatPay.MCH_ID);
        FakeWeChatPay.stubQuery(abandoned, "NOTPAY", 6_000, FakeWeChatPay.MCH_ID);
        FakeWeChatPay.stubClose();
        FakeWeChatPay.stubRefund(paidUnheard, "SUCCESS");

        JsonNode cashOut = member.post("/api/app/wallet/cash-out", null).json();

        assertThat(cashOut.path("principalCents").asLong()).as("the paid order was credited, then cashed out").isEqualTo(4_000);
        assertThat(cashOut.path("refunds")).hasSize(1);
        assertThat(cashOut.path("refunds").get(0).path("orderNo").asString()).isEqualTo(paidUnheard);
        assertThat(cashOut.path("refunds").get(0).path("amountCents").asLong()).isEqualTo(4_000);
        assertThat(member.get("/api/app/wallet/top-up-orders/" + paidUnheard).json().path("status").asString()).isEqualTo("PAID");
        assertThat(member.get("/api/app/wallet/top-up-orders/" + abandoned).json().path("status").asString()).isEqualTo("CLOSED");
        FakeWeChat.server().verify(postRequestedFor(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + abandoned + "/close")));

        // WeChat Pay keeps the closed order closed: a notify for it credits nothing to the closed wallet
        FakeWeChatPay.stubQuery(abandoned, "CLOSED", 6_000, FakeWeChatPay.MCH_ID);
        Api.Response late = FakeWeChatPay.deliver(api, "/wx/pay/notify", FakeWeChatPay.paidNotify(abandoned, 6_000));
        assertThat(late.status()).isGreaterThanOrEqualTo(400);
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aTopUpPaidIntoTheClosedWalletGoesStraightBackToWeChatPay() {
        assertThat(member.post("/api/app/wallet/cash-out", null).status()).isEqualTo(200);
        // an order made in the instant between the cash-out's settling of open orders and its closing of the wallet
        String late = unique("TU");
        jdbc.update("INSERT INTO wallet_top_up_order (order_no, member_id, amount_cents, bonus_cents, status, created_at) "
                + "VALUES (?, ?, 3000, 500, 'CREATED', ?)", late, memberId, Timestamp.from(clock.instant()));
        FakeWeChatPay.stubRefund(late, "PROCESSING");

        assertThat(FakeWeChatPay.deliver(api, "/wx/pay/notify", FakeWeChatPay.paidNotify(late, 3_000)).status()).isEqualTo(204);

        JsonNode wallet = member.get("/api/app/wallet").json();
        assertThat(wallet.path("balanceCents").asLong()).as("nothing stays in the closed wallet").isZero();
        assertThat(wallet.path("closed").asBoolean()).isTrue();
        assertThat(jdbc.queryForList("SELECT type FROM wallet_entry WHERE member_id = ? ORDER BY id", String.class, memberId))
                .containsExactly("TOP_UP", "BONUS_FORFEITED", "CASH_OUT");
        assertThat(jdbc.queryForMap("SELECT order_no, amount_cents, status FROM wallet_refund WHERE member_id = ?", memberId))
                .containsEntry("order_no", late).containsEntry("amount_cents", 3_000L).containsEntry("status", "PENDING");
        assertThat(jdbc.queryForObject("SELECT actor_type FROM wallet_cash_out WHERE member_id = ? ORDER BY id DESC LIMIT 1",
                String.class, memberId)).isEqualTo("SYSTEM");
        // the refund-retry job sends it
        clock.advance(Duration.ofMinutes(2));
        assertThat(admin.post("/api/admin/jobs/wallet-refund-retry/run", null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM wallet_refund WHERE order_no = ?", String.class, late)).isEqualTo("PROCESSING");
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    @Test
    void aWalletPaymentRefundedAfterTheCashOutIsPaidOutAgainNotStuck() {
        cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(member), "orderNo", unique("T"), "amountCents", 10_000));
        String paid = unique("P");
        assertThat(cashier.post("/api/staff/wallet/payments", Map.of("memberCode", memberCode(member), "orderNo", paid,
                "amountCents", 6_000)).status()).isEqualTo(200);
        assertThat(member.post("/api/app/wallet/cash-out", null).json().path("cashCents").asLong()).isEqualTo(4_000);

        Api.Response refund = cashier.post("/api/staff/wallet/payments/" + paid + "/refund", null);

        assertThat(refund.status()).as(refund.text()).isEqualTo(200);
        assertThat(member.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT cash_cents FROM wallet_cash_out WHERE member_id = ? ORDER BY id DESC LIMIT 1",
                Long.class, memberId)).as("the cash that came in at the counter goes back as cash").isEqualTo(6_000);
        WalletBooks.assertBalanced(jdbc, memberId);
    }

    private String paidTopUp(Map<String, Object> body, long amountCents) {
        String orderNo = member.post("/api/app/wallet/top-up-orders", body).json().path("orderNo").asString();
        assertThat(FakeWeChatPay.deliver(api, "/wx/pay/notify", FakeWeChatPay.paidNotify(orderNo, amountCents)).status()).isEqualTo(204);
        return orderNo;
    }

    private String refundStatus(String refundNo) {
        return jdbc.queryForObject("SELECT status FROM wallet_refund WHERE refund_no = ?", String.class, refundNo);
    }
}
