package dev.loyalty.rebate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.Actors;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.wallet.WalletService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every policy change is a version; a period settles with the version in force at its end, capped. */
class RebatePolicyVersionTest extends IntegrationTest {

    @Autowired
    RebateService rebates;

    @Autowired
    CounterService counter;

    @Autowired
    WalletService wallets;

    StaffBinding till;

    @BeforeEach
    void aTill() {
        till = new StaffBinding(900_000_000_002L, 700_000 + System.nanoTime() % 100_000);
    }

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(RebateTest.DEFAULT));
    }

    @Test
    void aPolicyChangeAfterAPeriodEndsDoesNotChangeThatPeriodsSettlement() {
        RebatePolicyView old = Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, true, List.of(new RebatePolicyView.Tier(5_000, 2)), 150L, null, null, null)));
        long member = memberId(unique("versioned"));
        clock.pinAt(LocalDate.of(2046, 5, 10));
        counter.recordPurchaseFor(till, member, unique("o"), 10_000);

        clock.pinAt(LocalDate.of(2046, 6, 2));
        RebatePolicyView changed = Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(
                RebatePolicyView.PeriodType.QUARTER, RebatePolicyView.CreditAs.POINTS, false,
                List.of(new RebatePolicyView.Tier(1_000, 10)))));
        RebateService.Settlement settled = rebates.settle("2046-05");

        assertThat(changed.version()).isGreaterThan(old.version());
        assertThat(settled.settled()).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM rebate WHERE member_id = ?", member);
        assertThat(((Number) row.get("rebate_cents")).longValue()).as("2 % of 10,000, capped at 150").isEqualTo(150);
        assertThat(((Number) row.get("policy_version")).longValue()).isEqualTo(old.version());
        assertThat(row.get("credit_as")).isEqualTo("WALLET");
        assertThat(row.get("status")).as("the old version approves by itself").isEqualTo("CREDITED");
        assertThat(wallets.wallet(member).bonusCents()).isEqualTo(150);
        JsonNode view = api.as(loginAdmin()).get("/api/admin/rebates?period=2046-05").json().path("items").get(0);
        assertThat(view.path("policyVersion").asLong()).isEqualTo(old.version());
        assertThat(view.path("capped").asBoolean()).isTrue();
    }

    @Test
    void theCapLimitsWhatOneMemberGetsInAPeriod() {
        Api admin = api.as(loginAdmin());
        Api.Response put = admin.put("/api/admin/rebate-policy", policy(Map.of("maxCents", 100)));
        assertThat(put.status()).isEqualTo(200);
        long version = put.json().path("version").asLong();
        long member = memberId(unique("capped"));
        int year = RebateReportTest.aYearOfItsOwn();
        clock.pinAt(LocalDate.of(year, 8, 12));
        counter.recordPurchaseFor(till, member, unique("o"), 10_000);

        clock.pinAt(LocalDate.of(year, 9, 2));
        admin = api.as(loginAdmin());
        Api.Response settled = admin.post("/api/admin/rebates/settle", Map.of("period", year + "-08"));

        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        assertThat(settled.json().path("totalRebateCents").asLong()).isEqualTo(100);
        JsonNode rebate = admin.get("/api/admin/rebates?period=" + year + "-08").json().path("items").get(0);
        assertThat(rebate.path("memberId").asLong()).isEqualTo(member);
        assertThat(rebate.path("rebateCents").asLong()).as("not 200").isEqualTo(100);
        assertThat(rebate.path("ratePercent").asInt()).isEqualTo(2);
        assertThat(rebate.path("policyVersion").asLong()).isEqualTo(version);
        assertThat(wallets.wallet(member).bonusCents()).isEqualTo(100);
    }

    @Test
    void everyChangeIsANewAuditedVersionListedNewestFirst() {
        Api admin = api.as(loginAdmin());
        long auditedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REBATE_POLICY_CHANGED'",
                Long.class);

        JsonNode first = admin.put("/api/admin/rebate-policy", policy(Map.of("maxCents", 500))).json();
        JsonNode second = admin.put("/api/admin/rebate-policy", policy(Map.of("expiresDays", 30,
                "remindWithinCents", 1_000, "remindDaysBefore", 5))).json();
        JsonNode current = admin.get("/api/admin/rebate-policy").json();
        JsonNode versions = admin.get("/api/admin/rebate-policy/versions?size=2").json();

        assertThat(second.path("version").asLong()).isEqualTo(first.path("version").asLong() + 1);
        assertThat(current.path("version").asLong()).isEqualTo(second.path("version").asLong());
        assertThat(current.path("effectiveFrom").asString()).isNotBlank();
        assertThat(current.path("maxCents").isNull()).isTrue();
        assertThat(current.path("expiresDays").asInt()).isEqualTo(30);
        assertThat(current.path("remindWithinCents").asLong()).isEqualTo(1_000);
        assertThat(current.path("remindDaysBefore").asInt()).isEqualTo(5);
        assertThat(versions.path("items").get(0).path("version").asLong()).isEqualTo(second.path("version").asLong());
        assertThat(versions.path("items").get(1).path("version").asLong()).isEqualTo(first.path("version").asLong());
        assertThat(versions.path("items").get(1).path("maxCents").asLong()).isEqualTo(500);
        assertThat(versions.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REBATE_POLICY_CHANGED'", Long.class))
                .isEqualTo(auditedBefore + 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rebate_policy_version WHERE version = 1 AND effective_from < ?",
                Long.class, Timestamp.valueOf("2000-01-01 00:00:00"))).as("the policy before versions, in force since long ago")
                .isOne();
    }

    @Test
    void refusesOutOfRangeCapExpiryAndReminderSettingsNamingTheField() {
        Api admin = api.as(loginAdmin());
        long before = admin.get("/api/admin/rebate-policy").json().path("version").asLong();

        for (Map.Entry<String, Object> wrong : List.<Map.Entry<String, Object>>of(Map.entry("maxCents", 0),
                Map.entry("expiresDays", 0), Map.entry("expiresDays", 3651), Map.entry("remindWithinCents", 0),
                Map.entry("remindDaysBefore", 0), Map.entry("remindDaysBefore", 91))) {
            Map<String, Object> fields = new HashMap<>(Map.of("remindWithinCents", 100, "remindDaysBefore", 3));
            fields.put(wrong.getKey(), wrong.getValue());
            Api.Response refused = admin.put("/api/admin/rebate-policy", policy(fields));
            assertThat(refused.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(wrong.getKey());
        }
        Api.Response half = admin.put("/api/admin/rebate-policy", policy(Map.of("remindDaysBefore", 3)));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.json().path("errors").get(0).path("field").asString()).isEqualTo("remindWithinCents");
        assertThat(admin.put("/api/admin/rebate-policy", policy(Map.of("maxCents", 1, "expiresDays", 3650,
                "remindWithinCents", 1, "remindDaysBefore", 90))).status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/rebate-policy").json().path("version").asLong()).isEqualTo(before + 1);
    }

    @Test
    void aRebateCreditedToTheWalletUnderAnExpiringPolicyLapsesThatManyDaysAfterCrediting() {
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, true, List.of(new RebatePolicyView.Tier(5_000, 2)), null, 30, null, null)));
        long member = memberId(unique("expiring"));
        clock.pinAt(LocalDate.of(2046, 10, 3));
        counter.recordPurchaseFor(till, member, unique("o"), 10_000);
        clock.pinAt(LocalDate.of(2046, 11, 1));

        rebates.settle("2046-10");

        String ofTheRebate = "FROM wallet_bonus_expiry x JOIN wallet_entry e ON e.id = x.entry_id "
                + "WHERE e.member_id = ? AND e.type = 'REBATE'";
        Map<String, Object> expiry = jdbc.queryForMap("SELECT x.cents, x.status " + ofTheRebate, member);
        Instant expiresAt = jdbc.queryForObject("SELECT x.expires_at " + ofTheRebate, Timestamp.class, member).toInstant();
        assertThat(((Number) expiry.get("cents")).longValue()).isEqualTo(200);
        assertThat(expiry.get("status")).isEqualTo("OPEN");
        Instant credited = jdbc.queryForObject("SELECT credited_at FROM rebate WHERE member_id = ?", Timestamp.class, member)
                .toInstant();
        assertThat(expiresAt).isCloseTo(credited.plus(Duration.ofDays(30)), within(1, ChronoUnit.SECONDS));
    }

    /** MONTH, WALLET, auto-approved, 2 % from 5,000 cents, with {@code extra} fields. */
    private static Map<String, Object> policy(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("periodType", "MONTH", "creditAs", "WALLET", "autoApprove", true,
                "tiers", List.of(Map.of("thresholdCents", 5_000, "ratePercent", 2))));
        body.putAll(extra);
        return body;
    }
}
