package dev.loyalty.rebate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.Actors;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Members close to the next tier near a period's end get one reminder per period, however the job runs. */
class RebateReminderTest extends IntegrationTest {

    @Autowired
    RebateService rebates;

    @Autowired
    RebateReminderJob reminders;

    @Autowired
    CounterService counter;

    String period;

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(RebateTest.DEFAULT));
    }

    @Test
    void oneReminderPerMemberAndPeriodWhenTheJobRunsFromManyThreadsAtOnceAndAgain() throws Exception {
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, true,
                List.of(new RebatePolicyView.Tier(5_000, 2), new RebatePolicyView.Tier(10_000, 3)), null, null, 1_000L, 5)));
        StaffBinding till = new StaffBinding(900_000_000_003L, 600_000 + System.nanoTime() % 100_000);
        long nearFirst = memberId(unique("near-first"));
        long nearSecond = memberId(unique("near-second"));
        long far = memberId(unique("far"));
        long top = memberId(unique("top"));
        int year = RebateReportTest.aYearOfItsOwn();
        period = year + "-03";
        clock.pinAt(LocalDate.of(year, 3, 10));
        counter.recordPurchaseFor(till, nearFirst, unique("o"), 4_000);
        counter.recordPurchaseFor(till, nearSecond, unique("o"), 9_500);
        counter.recordPurchaseFor(till, far, unique("o"), 2_000);
        counter.recordPurchaseFor(till, top, unique("o"), 12_000);

        clock.pinAt(LocalDate.of(year, 3, 20));
        assertThat(reminders.remindNow()).as("twelve days before the end: too early").isZero();

        clock.pinAt(LocalDate.of(year, 3, 28));
        long sent = AllAtOnce.times(8, reminders::remindNow).stream().mapToLong(Long::longValue).sum();
        long again = api.as(loginAdmin()).post("/api/admin/jobs/rebate-reminders/run", null).json().path("processed").asLong();

        assertThat(sent).as("all runs together").isEqualTo(2);
        assertThat(again).isZero();
        assertThat(claims(nearFirst)).isOne();
        assertThat(claims(nearSecond)).isOne();
        assertThat(claims(far)).isZero();
        assertThat(claims(top)).isZero();
        List<Map<String, Object>> messages = jdbc.queryForList("""
                SELECT member_id, change_text, detail FROM notification WHERE kind = 'REBATE_REMINDER' AND member_id IN (?, ?, ?, ?)
                 ORDER BY member_id""", nearFirst, nearSecond, far, top);
        assertThat(messages).hasSize(2);
        assertThat(messages).anySatisfy(m -> {
            assertThat(((Number) m.get("member_id")).longValue()).isEqualTo(nearFirst);
            assertThat((String) m.get("change_text")).contains("¥10.00", year + "-03-31", "2%");
            assertThat(m.get("detail")).isEqualTo(year + "-03-31");
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(((Number) m.get("member_id")).longValue()).isEqualTo(nearSecond);
            assertThat((String) m.get("change_text")).contains("¥5.00", "3%");
        });
    }

    private long claims(long memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rebate_reminder WHERE member_id = ? AND period = ?",
                Long.class, memberId, period);
    }
}
