package dev.loyalty.rebate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.Actors;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A period's report adds up to its rebate rows, by tier and by status, in JSON and in CSV alike. */
class RebateReportTest extends IntegrationTest {

    @Autowired
    RebateService rebates;

    @Autowired
    CounterService counter;

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(RebateTest.DEFAULT));
    }

    @Test
    void theReportsTotalsAreTheSumOfTheRebateRowsAndTheCsvSaysTheSame() {
        RebatePolicyView policy = Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(
                RebatePolicyView.PeriodType.MONTH, RebatePolicyView.CreditAs.WALLET, false,
                List.of(new RebatePolicyView.Tier(1_000, 5), new RebatePolicyView.Tier(10_000, 10)), 800L, null, null, null)));
        int year = aYearOfItsOwn();
        String period = year + "-11";
        StaffBinding till = new StaffBinding(900_000_000_004L, 500_000 + System.nanoTime() % 100_000);
        long a = memberId(unique("report-a"));
        long b = memberId(unique("report-b"));
        long c = memberId(unique("report-c"));
        long d = memberId(unique("report-d"));
        clock.pinAt(LocalDate.of(year, 11, 5));
        counter.recordPurchaseFor(till, a, unique("o"), 2_000);
        counter.recordPurchaseFor(till, b, unique("o"), 5_000);
        counter.recordPurchaseFor(till, c, unique("o"), 20_000);
        counter.recordPurchaseFor(till, d, unique("o"), 500);
        clock.pinAt(LocalDate.of(year, 12, 2));
        rebates.settle(period);
        Api admin = api.as(loginAdmin());
        admin.post("/api/admin/rebates/" + rebateOf(a) + "/approve", null);
        admin.post("/api/admin/rebates/" + rebateOf(b) + "/reject", Map.of("reason", "test"));

        JsonNode report = admin.get("/api/admin/rebates/report?period=" + period).json();
        Api.Response csv = admin.get("/api/admin/rebates/report.csv?period=" + period);

        long rowsTotal = jdbc.queryForObject("SELECT SUM(rebate_cents) FROM rebate WHERE period = ?", Long.class, period);
        assertThat(rowsTotal).as("100 + 250 + 800 (2,000 capped)").isEqualTo(1_150);
        assertThat(report.path("period").asString()).isEqualTo(period);
        assertThat(report.path("policyVersion").asLong()).isEqualTo(policy.version());
        assertThat(report.path("totalCents").asLong()).isEqualTo(rowsTotal);
        assertThat(report.path("cappedMembers").asLong()).isOne();
        assertThat(line(report.path("tiers"), 0)).isEqualTo(List.of(1_000L, 5L, 2L, 7_000L, 350L));
        assertThat(line(report.path("tiers"), 1)).isEqualTo(List.of(10_000L, 10L, 1L, 20_000L, 800L));
        assertThat(report.path("tiers").valueStream().mapToLong(t -> t.path("rebateCents").asLong()).sum()).isEqualTo(rowsTotal);
        assertThat(report.path("statuses").valueStream().mapToLong(s -> s.path("rebateCents").asLong()).sum())
                .isEqualTo(rowsTotal);
        assertThat(status(report, "PENDING")).isEqualTo(List.of(1L, 800L));
        assertThat(status(report, "CREDITED")).isEqualTo(List.of(1L, 100L));
        assertThat(status(report, "REJECTED")).isEqualTo(List.of(1L, 250L));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String[]> lines = Arrays.stream(csv.text().split("\r\n")).map(l -> l.split(",", -1)).toList();
        assertThat(lines.get(0)).containsExactly("period", "policyVersion", "line", "thresholdCents", "ratePercent", "status",
                "members", "spentCents", "rebateCents");
        String version = String.valueOf(policy.version());
        assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly(period, version, "tier", "1000", "5", "", "2", "7000", "350"));
        assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly(period, version, "tier", "10000", "10", "", "1", "20000", "800"));
        assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly(period, version, "status", "", "", "REJECTED", "1", "", "250"));
        assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly(period, version, "capped", "", "", "", "1", "", ""));
        assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly(period, version, "total", "", "", "", "3", "27000",
                String.valueOf(rowsTotal)));
        assertThat(admin.get("/api/admin/rebates/report?period=November").code()).isEqualTo("VALIDATION_FAILED");
    }

    /** A year far ahead that a run of the suite on a kept database is unlikely to have used: its periods are this test's. */
    static int aYearOfItsOwn() {
        return ThreadLocalRandom.current().nextInt(2100, 2900);
    }

    private long rebateOf(long member) {
        return jdbc.queryForObject("SELECT id FROM rebate WHERE member_id = ?", Long.class, member);
    }

    private static List<Long> line(JsonNode tiers, int i) {
        JsonNode t = tiers.get(i);
        return List.of(t.path("thresholdCents").asLong(), t.path("ratePercent").asLong(), t.path("members").asLong(),
                t.path("spentCents").asLong(), t.path("rebateCents").asLong());
    }

    private static List<Long> status(JsonNode report, String status) {
        JsonNode s = report.path("statuses").valueStream().filter(n -> n.path("status").asString().equals(status))
                .findFirst().orElseThrow();
        return List.of(s.path("count").asLong(), s.path("rebateCents").asLong());
    }
}
