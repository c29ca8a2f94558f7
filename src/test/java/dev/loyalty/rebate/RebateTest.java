package dev.loyalty.rebate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.points.PointsService;
import dev.loyalty.support.Actors;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.wallet.WalletService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RebateTest extends IntegrationTest {

    static final RebatePolicyView DEFAULT = new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
            RebatePolicyView.CreditAs.WALLET, true,
            List.of(new RebatePolicyView.Tier(100_000, 2), new RebatePolicyView.Tier(500_000, 3)));
    static final RebatePolicyView TWO_PERCENT_FROM_5000 = new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
            RebatePolicyView.CreditAs.WALLET, true, List.of(new RebatePolicyView.Tier(5_000, 2)));

    @Autowired
    RebateService rebates;

    @Autowired
    CounterService counter;

    @Autowired
    WalletService wallets;

    @Autowired
    PointsService points;

    StaffBinding till;

    @BeforeEach
    void aTill() {
        till = new StaffBinding(900_000_000_001L, 900_000 + System.nanoTime() % 100_000);
    }

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(DEFAULT));
    }

    @Test
    void aMonthWithARefundSettlesToOneRebateHoweverOftenSettlementRuns() {
        Actors.asAdmin(() -> rebates.changePolicy(TWO_PERCENT_FROM_5000));
        String code = unique("spender");
        long member = memberId(code);
        clock.pinAt(LocalDate.of(2034, 3, 10));
        counter.recordPurchaseFor(till, member, unique("o"), 4_000);
        String refunded = unique("o");
        counter.recordPurchaseFor(till, member, refunded, 3_000);
        counter.refundPurchase(till, refunded, 1_000L);

        clock.pinAt(LocalDate.of(2034, 4, 2));
        Api admin = api.as(loginAdmin());
        Api.Response first = admin.post("/api/admin/rebates/settle", Map.of("period", "2034-03"));
        Api.Response again = admin.post("/api/admin/rebates/settle", Map.of("period", "2034-03"));

        assertThat(first.json().path("settled").asLong()).isEqualTo(1);
        assertThat(first.json().path("totalRebateCents").asLong()).isEqualTo(120);
        assertThat(again.json().path("settled").asLong()).isZero();
        assertThat(again.json().path("totalRebateCents").asLong()).isEqualTo(120);
        assertThat(wallets.wallet(member).bonusCents()).isEqualTo(120);
        JsonNode mine = api.as(loginMember(code)).get("/api/app/rebates").json();
        assertThat(mine.path("history").get(0).path("rebateCents").asLong()).isEqualTo(120);
        assertThat(mine.path("history").get(0).path("status").asString()).isEqualTo("CREDITED");
        assertThat(mine.path("history").get(0).path("creditedAs").asString()).isEqualTo("WALLET");
    }

    @Test
    void theTierStartsExactlyAtItsThresholdAndNotACentBelow() {
        Actors.asAdmin(() -> rebates.changePolicy(TWO_PERCENT_FROM_5000));
        long exactly = memberId(unique("edge"));
        long under = memberId(unique("under"));
        long nothing = memberId(unique("idle"));
        clock.pinAt(LocalDate.of(2034, 5, 3));
        counter.recordPurchaseFor(till, exactly, unique("o"), 5_000);
        counter.recordPurchaseFor(till, under, unique("o"), 4_999);

        clock.pinAt(LocalDate.of(2034, 6, 1));
        RebateService.Settlement settled = rebates.settle("2034-05");

        assertThat(settled.settled()).isEqualTo(1);
        assertThat(wallets.wallet(exactly).bonusCents()).isEqualTo(100);
        assertThat(wallets.wallet(under).bonusCents()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rebate WHERE member_id IN (?, ?)", Long.class, under, nothing))
                .isZero();
    }

    @Test
    void aRebateForACashedOutWalletWaitsPendingUntilTheWalletIsReopened() {
        Actors.asAdmin(() -> rebates.changePolicy(TWO_PERCENT_FROM_5000));
        String code = unique("leaver");
        long member = memberId(code);
        clock.pinAt(LocalDate.of(2038, 3, 10));
        counter.recordPurchaseFor(till, member, unique("o"), 50_000);
        Api leaver = api.as(loginMember(code));
        assertThat(leaver.post("/api/app/wallet/cash-out", null).json().path("closed").asBoolean()).isTrue();

        clock.pinAt(LocalDate.of(2038, 4, 2));
        rebates.settle("2038-03");
        long rebateId = jdbc.queryForObject("SELECT id FROM rebate WHERE member_id = ?", Long.class, member);
        Api admin = api.as(loginAdmin());
        Api.Response refused = admin.post("/api/admin/rebates/" + rebateId + "/approve", null);

        assertThat(jdbc.queryForObject("SELECT status FROM rebate WHERE id = ?", String.class, rebateId))
                .as("auto-approval could not credit a closed wallet: not lost, still pending").isEqualTo("PENDING");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("WALLET_CLOSED");
        assertThat(wallets.wallet(member).balanceCents()).isZero();

        admin.post("/api/admin/members/" + member + "/wallet/reopen", null);
        Api.Response approved = admin.post("/api/admin/rebates/" + rebateId + "/approve", null);

        assertThat(approved.json().path("status").asString()).isEqualTo("CREDITED");
        assertThat(wallets.wallet(member).bonusCents()).isEqualTo(1_000);
    }

    @Test
    void withoutAutoApprovalARebateWaitsForAnOperatorAndIsCreditedOnce() {
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.POINTS, false, List.of(new RebatePolicyView.Tier(1_000, 10)))));
        long member = memberId(unique("pending"));
        clock.pinAt(LocalDate.of(2034, 7, 20));
        counter.recordPurchaseFor(till, member, unique("o"), 10_000);
        long afterPurchase = points.balance(member);

        clock.pinAt(LocalDate.of(2034, 8, 1));
        rebates.settle("2034-07");
        long rebateId = jdbc.queryForObject("SELECT id FROM rebate WHERE member_id = ?", Long.class, member);
        assertThat(jdbc.queryForObject("SELECT status FROM rebate WHERE id = ?", String.class, rebateId)).isEqualTo("PENDING");
        assertThat(points.balance(member)).isEqualTo(afterPurchase);

        Api admin = api.as(loginAdmin());
        Api.Response approved = admin.post("/api/admin/rebates/" + rebateId + "/approve", null);
        admin.post("/api/admin/rebates/" + rebateId + "/approve", null);

        assertThat(approved.json().path("status").asString()).isEqualTo("CREDITED");
        assertThat(approved.json().path("rebateCents").asLong()).isEqualTo(1_000);
        assertThat(points.balance(member)).as("1000 cents credited as 10 points").isEqualTo(afterPurchase + 10);
    }

    @Test
    void aRejectedRebateCreditsNothingKeepsItsReasonInTheAuditLogAndCannotBeApprovedAfter() {
        long rebateId = pendingRebate("rejected", "2034-10");
        long member = jdbc.queryForObject("SELECT member_id FROM rebate WHERE id = ?", Long.class, rebateId);
        long before = points.balance(member);
        Api admin = api.as(loginAdmin());

        Api.Response noReason = admin.post("/api/admin/rebates/" + rebateId + "/reject", Map.of("reason", " "));
        Api.Response rejected = admin.post("/api/admin/rebates/" + rebateId + "/reject", Map.of("reason", "refund fraud"));
        Api.Response again = admin.post("/api/admin/rebates/" + rebateId + "/reject", Map.of("reason", "refund fraud"));
        Api.Response approved = admin.post("/api/admin/rebates/" + rebateId + "/approve", null);

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("rejectReason").asString()).isEqualTo("refund fraud");
        assertThat(again.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.code()).isEqualTo("REBATE_NOT_PENDING");
        assertThat(points.balance(member)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REBATE_REJECTED' AND target = ? "
                + "AND after_json LIKE '%refund fraud%'", Long.class, "rebate:" + rebateId)).isOne();
    }

    @Test
    void aCreditedRebateCannotBeRejectedAndApprovingIsAudited() {
        long rebateId = pendingRebate("credited", "2034-11");
        Api admin = api.as(loginAdmin());

        admin.post("/api/admin/rebates/" + rebateId + "/approve", null);
        Api.Response rejected = admin.post("/api/admin/rebates/" + rebateId + "/reject", Map.of("reason", "too late"));

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.code()).isEqualTo("REBATE_NOT_PENDING");
        assertThat(jdbc.queryForObject("SELECT status FROM rebate WHERE id = ?", String.class, rebateId)).isEqualTo("CREDITED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REBATE_APPROVED' AND target = ?",
                Long.class, "rebate:" + rebateId)).isOne();
    }

    @Test
    void anApprovalAndARejectionAtOnceLeaveOneOutcomeAndTheLedgerAgrees() throws Exception {
        for (int round = 0; round < 5; round++) {
            long rebateId = pendingRebate("race" + round, "2035-0" + (round + 1));
            long member = jdbc.queryForObject("SELECT member_id FROM rebate WHERE id = ?", Long.class, rebateId);
            long before = points.balance(member);
            Api admin = api.as(loginAdmin());
            List<Integer> statuses = AllAtOnce.run(List.<Callable<Integer>>of(
                    () -> admin.post("/api/admin/rebates/" + rebateId + "/approve", null).status(),
                    () -> admin.post("/api/admin/rebates/" + rebateId + "/reject", Map.of("reason", "race")).status()));

            String status = jdbc.queryForObject("SELECT status FROM rebate WHERE id = ?", String.class, rebateId);
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(points.balance(member)).isEqualTo("CREDITED".equals(status) ? before + 10 : before);
        }
    }

    /** A member's pending rebate of 1,000 cents (10 points) for {@code period}, under a policy without auto-approval. */
    private long pendingRebate(String name, String period) {
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.POINTS, false, List.of(new RebatePolicyView.Tier(1_000, 10)))));
        long member = memberId(unique(name));
        YearMonth month = YearMonth.parse(period);
        clock.pinAt(month.atDay(15));
        counter.recordPurchaseFor(till, member, unique("o"), 10_000);
        clock.pinAt(month.plusMonths(1).atDay(1));
        rebates.settle(period);
        return jdbc.queryForObject("SELECT id FROM rebate WHERE member_id = ?", Long.class, member);
    }

    @Test
    void onlyEndedPeriodsOfThePolicysKindSettle() {
        clock.pinAt(LocalDate.of(2034, 9, 15));

        assertThatThrownBy(() -> rebates.settle("2034-09")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rebates.settle("2034-Q2")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rebates.settle("September")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMemberSeesThisPeriodsSpendRateAndTheNextTier() {
        String code = unique("climber");
        long member = memberId(code);
        clock.pinAt(LocalDate.of(2034, 10, 5));
        counter.recordPurchaseFor(till, member, unique("o"), 150_000);

        JsonNode mine = api.as(loginMember(code)).get("/api/app/rebates").json();

        assertThat(mine.path("period").asString()).isEqualTo("2034-10");
        assertThat(mine.path("spentCents").asLong()).isEqualTo(150_000);
        assertThat(mine.path("rate").asInt()).isEqualTo(2);
        assertThat(mine.path("nextTier").path("thresholdCents").asLong()).isEqualTo(500_000);
        assertThat(mine.path("nextTier").path("rate").asInt()).isEqualTo(3);
        assertThat(mine.path("nextTier").path("centsToGo").asLong()).isEqualTo(350_000);
    }
}
