package dev.loyalty.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A quarter of a small brand's life in 2001, driven through the HTTP API by the clock, then every figure
 * of the reports checked against sums done by hand below. 2001 is before anything any other test writes,
 * so the totals up to a day in 2001 (members, liabilities) hold only this scenario.
 */
class ReportTest extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Api admin;
    private JsonNode signInRuleBefore;
    private JsonNode pointsRuleBefore;
    private JsonNode rebatePolicyBefore;
    private final Map<String, Api> members = new HashMap<>();

    @BeforeEach
    void rules() {
        admin = api.as(loginAdmin());
        signInRuleBefore = admin.get("/api/admin/sign-in-rule").json();
        pointsRuleBefore = admin.get("/api/admin/points-rule").json();
        rebatePolicyBefore = admin.get("/api/admin/rebate-policy").json();
    }

    @AfterEach
    void restoreRules() {
        clock.reset();
        Api now = api.as(loginAdmin());
        now.put("/api/admin/sign-in-rule", signInRuleBefore);
        now.put("/api/admin/points-rule", pointsRuleBefore);
        now.put("/api/admin/rebate-policy", rebatePolicyBefore);
    }

    @Test
    void aQuarterOfActivityAddsUpToTheFiguresAnAccountantWouldWriteDown() {
        on(2001, 1, 10);
        admin.put("/api/admin/sign-in-rule", Map.of("basePoints", 5, "cycleDays", 7,
                "streakBonuses", List.of(Map.of("day", 3, "points", 10)), "makeup", signInRuleBefore.path("makeup"),
                "birthdayBonusPoints", 0));
        assertThat(admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1, "expiryDays", 30)).status()).isEqualTo(200);
        // January is settled with the rebate policy in force when it ends: this one
        admin.put("/api/admin/rebate-policy", Map.of("periodType", "MONTH", "creditAs", "WALLET", "autoApprove", true,
                "tiers", List.of(Map.of("thresholdCents", 100_000, "ratePercent", 2))));
        long store = admin.post("/api/admin/stores", Map.of("name", "Report Store")).json().path("id").asLong();
        String cashierCode = unique("report-cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", store));
        long plan = admin.post("/api/admin/wallet-plans", Map.of("name", "200 get 20", "payCents", 20_000, "bonusCents", 2_000))
                .json().path("id").asLong();
        long template = admin.post("/api/admin/coupon-templates", Map.of("name", "5 yuan off", "type", "CASH",
                "thresholdCents", 5_000, "discountCents", 500, "pointsPrice", 20, "totalStock", 10, "perMemberLimit", 5,
                "validDays", 30, "enabled", true)).json().path("id").asLong();
        join("cashier", cashierCode);
        join("a", unique("report-a"));
        join("b", unique("report-b"));
        join("d", unique("report-d"));
        String orderA = unique("A");

        // 10 January: A and B sign in (+5 each); A buys 1,200 yuan (+1,200) and tops up 500 yuan;
        // D buys 50 yuan (+50) and never signs in.
        signIn("a");
        signIn("b");
        purchase("a", orderA, 120_000);
        topUp("a", 50_000, null);
        purchase("d", unique("D"), 5_000);

        // 11 January: A signs in (+5) and redeems a coupon (−20); B tops up 200 yuan with the plan
        // (+20 yuan bonus) and pays 110 yuan from the wallet: 100 principal, 10 bonus (+110 points).
        on(2001, 1, 11);
        signIn("a");
        String coupon = members.get("a").with("Idempotency-Key", "report-redeem")
                .post("/api/app/mall/items/" + template + "/redeem", null).json().path("coupon").path("code").asString();
        topUp("b", 20_000, plan);
        Api.Response paid = staff().post("/api/staff/wallet/payments",
                Map.of("memberCode", memberCode(members.get("b")), "orderNo", unique("B"), "amountCents", 11_000));
        assertThat(paid.json().path("principalCents").asLong()).isEqualTo(10_000);

        // 12 January: A's third day in a row (+5 +10); the coupon is used; 200 yuan of A's order is
        // refunded, which takes back 1,200 × 200 / 1,200 = 200 points.
        on(2001, 1, 12);
        signIn("a");
        assertThat(staff().post("/api/staff/coupons/verify", Map.of("code", coupon)).status()).isEqualTo(200);
        assertThat(staff().post("/api/staff/purchases/" + orderA + "/refund", Map.of("amountCents", 20_000))
                .json().path("pointsReversed").asLong()).isEqualTo(200);

        // 20 January: C joins and signs in (+5); an operator gives C 50 points.
        on(2001, 1, 20);
        join("c", unique("report-c"));
        signIn("c");
        long c = members.get("c").get("/api/app/me").json().path("id").asLong();
        admin.post("/api/admin/members/" + c + "/points-adjustments", Map.of("delta", 50, "reason", "goodwill"));

        // 2 February: January's rebates: A spent 1,200 − 200 = 1,000 yuan, the 2 % tier: 20 yuan of
        // wallet bonus; B spent 110 yuan, no tier. B signs in (+5).
        on(2001, 2, 2);
        assertThat(admin.post("/api/admin/rebates/settle", Map.of("period", "2001-01")).json().path("totalRebateCents")
                .asLong()).isEqualTo(2_000);
        signIn("b");

        // The nightly expiry job. Points earned on 10–12 January were usable to the end of 9–11 February:
        // on 15 February A's 1,005, B's 115 (5 + 110) and D's 50 are written off: 1,170.
        at(LocalDate.of(2001, 2, 15), LocalTime.of(0, 5));
        assertThat(admin.post("/api/admin/jobs/points-expiry/run", null).json().path("processed").asLong()).isPositive();
        // C's 55, earned on 20 January, last day 19 February, written off the night after.
        at(LocalDate.of(2001, 2, 20), LocalTime.of(0, 5));
        admin.post("/api/admin/jobs/points-expiry/run", null);

        // 1 March: C signs in again (+5).
        on(2001, 3, 1);
        signIn("c");

        on(2001, 4, 2);
        JsonNode january = overview("2001-01-01", "2001-01-31");
        JsonNode february = overview("2001-02-01", "2001-02-28");
        JsonNode quarter = overview("2001-01-01", "2001-03-31");

        // January. Issued: A 5 + 1,200 + 5 + 15 − 200, B 5 + 110, C 5 + 50, D 50 = 1,245; redeemed 20;
        // outstanding 1,245 − 20 = 1,225. Active: A, B, C (sign-ins) and D (a purchase); the cashier
        // did nothing of their own. Wallets: principal 500 + 200 − 100 = 600 yuan, bonus 20 − 10.
        assertFigures(january, Map.ofEntries(
                Map.entry("members", 5L), Map.entry("activeMembers", 4L), Map.entry("signIns", 5L),
                Map.entry("signInMembers", 3L), Map.entry("pointsIssued", 1_245L), Map.entry("pointsRedeemed", 20L),
                Map.entry("pointsExpired", 0L), Map.entry("pointsLiability", 1_225L), Map.entry("couponsIssued", 1L),
                Map.entry("couponsUsed", 1L), Map.entry("walletLiabilityCents", 61_000L),
                Map.entry("walletPrincipalCents", 60_000L), Map.entry("walletBonusCents", 1_000L),
                Map.entry("walletTopUpCents", 70_000L), Map.entry("walletPaidCents", 11_000L),
                Map.entry("rebatesCents", 0L)));
        assertRates(january, "0.7500", "0.0000", "0.0161");

        // February: B's sign-in (+5); 1,170 + 55 written off; outstanding 1,225 + 5 − 1,225 = 5; the
        // rebate adds 20 yuan of bonus.
        assertFigures(february, Map.ofEntries(
                Map.entry("members", 5L), Map.entry("activeMembers", 1L), Map.entry("signIns", 1L),
                Map.entry("signInMembers", 1L), Map.entry("pointsIssued", 5L), Map.entry("pointsRedeemed", 0L),
                Map.entry("pointsExpired", 1_225L), Map.entry("pointsLiability", 5L), Map.entry("couponsIssued", 0L),
                Map.entry("couponsUsed", 0L), Map.entry("walletLiabilityCents", 63_000L),
                Map.entry("walletPrincipalCents", 60_000L), Map.entry("walletBonusCents", 3_000L),
                Map.entry("walletTopUpCents", 0L), Map.entry("walletPaidCents", 0L), Map.entry("rebatesCents", 2_000L)));
        assertRates(february, "1.0000", "245.0000", "0.0000");

        // The quarter: 1,245 + 5 + 5 issued, 20 redeemed, 1,225 expired, 10 outstanding (B's and C's last 5).
        assertFigures(quarter, Map.ofEntries(
                Map.entry("members", 5L), Map.entry("activeMembers", 4L), Map.entry("signIns", 7L),
                Map.entry("signInMembers", 3L), Map.entry("pointsIssued", 1_255L), Map.entry("pointsRedeemed", 20L),
                Map.entry("pointsExpired", 1_225L), Map.entry("pointsLiability", 10L), Map.entry("couponsIssued", 1L),
                Map.entry("couponsUsed", 1L), Map.entry("walletLiabilityCents", 63_000L),
                Map.entry("walletPrincipalCents", 60_000L), Map.entry("walletBonusCents", 3_000L),
                Map.entry("walletTopUpCents", 70_000L), Map.entry("walletPaidCents", 11_000L),
                Map.entry("rebatesCents", 2_000L)));
        assertRates(quarter, "0.7500", "0.9761", "0.0159");
        assertThat(quarter.path("pointsIssued").asLong() - quarter.path("pointsRedeemed").asLong()
                - quarter.path("pointsExpired").asLong())
                .as("what was outstanding before the quarter (nothing) plus its flows is what is outstanding after it")
                .isEqualTo(quarter.path("pointsLiability").asLong());

        JsonNode days = admin.get("/api/admin/reports/daily?from=2001-01-10&to=2001-01-12").json();
        assertThat(days.size()).isEqualTo(3);
        assertDay(days.get(0), "2001-01-10", 2, 1_260, 0, 0, 0, 0, 50_000, 0);
        assertDay(days.get(1), "2001-01-11", 1, 115, 20, 0, 1, 0, 20_000, 11_000);
        assertDay(days.get(2), "2001-01-12", 1, 15 - 200, 0, 0, 0, 1, 0, 0);
        JsonNode february15 = admin.get("/api/admin/reports/daily?from=2001-02-15&to=2001-02-15").json().get(0);
        assertDay(february15, "2001-02-15", 0, 0, 0, 1_170, 0, 0, 0, 0);

        Api.Response csv = admin.with("Accept", "text/csv").get("/api/admin/reports/daily?from=2001-01-10&to=2001-01-12");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")).containsExactly(
                "date,signIns,pointsIssued,pointsRedeemed,pointsExpired,couponsIssued,couponsUsed,walletTopUpCents,walletPaidCents",
                "2001-01-10,2,1260,0,0,0,0,50000,0",
                "2001-01-11,1,115,20,0,1,0,20000,11000",
                "2001-01-12,1,-185,0,0,0,1,0,0");
        assertThat(admin.get("/api/admin/reports/daily.csv?from=2001-01-10&to=2001-01-12").text()).isEqualTo(csv.text());
    }

    @Test
    void aWindowMustRunForwardAndStayWithinAYear() {
        assertThat(admin.get("/api/admin/reports/overview?from=2001-02-01&to=2001-01-01").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/admin/reports/daily?from=2001-01-01&to=2002-01-02").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/admin/reports/overview?from=yesterday").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/admin/reports/overview").status()).isEqualTo(401);
        JsonNode lastThirtyDays = admin.get("/api/admin/reports/daily").json();
        assertThat(lastThirtyDays.size()).isEqualTo(30);
        assertThat(lastThirtyDays.get(29).path("date").asString()).isEqualTo(LocalDate.now(ZONE).toString());
    }

    private void on(int year, int month, int day) {
        at(LocalDate.of(year, month, day), LocalTime.of(10, 0));
    }

    /** Moves the clock and logs everyone in again: tokens issued a month ago have expired. */
    private void at(LocalDate day, LocalTime time) {
        clock.pinAt(day.atTime(time).atZone(ZONE).toInstant());
        admin = api.as(loginAdmin());
        members.replaceAll((name, old) -> api.as(loginMember(codes.get(name))));
    }

    private final Map<String, String> codes = new HashMap<>();

    private void join(String name, String code) {
        codes.put(name, code);
        members.put(name, api.as(loginMember(code)));
    }

    private Api staff() {
        return members.get("cashier");
    }

    private void signIn(String name) {
        assertThat(members.get(name).post("/api/app/sign-ins", null).status()).isEqualTo(200);
    }

    private void purchase(String name, String orderNo, long cents) {
        Api.Response bought = staff().post("/api/staff/purchases",
                Map.of("memberCode", memberCode(members.get(name)), "orderNo", orderNo, "amountCents", cents));
        assertThat(bought.status()).as(bought.text()).isIn(200, 201);
    }

    private void topUp(String name, long cents, Long plan) {
        Map<String, Object> body = new HashMap<>(Map.of("memberCode", memberCode(members.get(name)),
                "orderNo", unique("T"), "amountCents", cents));
        if (plan != null) {
            body.put("planId", plan);
        }
        Api.Response topped = staff().post("/api/staff/wallet/top-ups", body);
        assertThat(topped.status()).as(topped.text()).isIn(200, 201);
    }

    private JsonNode overview(String from, String to) {
        Api.Response response = admin.get("/api/admin/reports/overview?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static void assertFigures(JsonNode overview, Map<String, Long> expected) {
        expected.forEach((field, value) ->
                assertThat(overview.path(field).asLong()).as(field + " in " + overview).isEqualTo(value));
    }

    private static void assertRates(JsonNode overview, String participation, String breakage, String redemption) {
        assertThat(overview.path("participationRate").decimalValue()).isEqualByComparingTo(participation);
        assertThat(overview.path("breakageRate").decimalValue()).isEqualByComparingTo(breakage);
        assertThat(overview.path("redemptionRate").decimalValue()).isEqualByComparingTo(redemption);
    }

    private static void assertDay(JsonNode day, String date, long signIns, long issued, long redeemed, long expired,
            long couponsIssued, long couponsUsed, long topUpCents, long paidCents) {
        assertThat(day.path("date").asString()).isEqualTo(date);
        assertThat(List.of(day.path("signIns").asLong(), day.path("pointsIssued").asLong(),
                day.path("pointsRedeemed").asLong(), day.path("pointsExpired").asLong(),
                day.path("couponsIssued").asLong(), day.path("couponsUsed").asLong(),
                day.path("walletTopUpCents").asLong(), day.path("walletPaidCents").asLong()))
                .as(date).containsExactly(signIns, issued, redeemed, expired, couponsIssued, couponsUsed, topUpCents, paidCents);
    }
}
