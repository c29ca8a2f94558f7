package dev.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.StaffBinding;
import dev.loyalty.points.PointsBooks;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deletion racing the member's own sign-in and purchases at the counter: whatever wins, no points are credited
 * after the write-off (a late award is refused whole), the balance ends at zero and the books add up.
 */
class MemberDeletionConcurrencyTest extends PrivacyFixtures {

    private static final int MEMBERS = 12;
    private static final int PURCHASES = 3;

    @Autowired
    PointsService points;

    @Test
    void deletionRacingSignInsAndPurchasesLeavesNothingCreditedAfterTheWriteOff() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Member m = member();
            points.earn(new PointsMovement(m.id(), 100, PointsSource.GRANT, "race-" + m.id(), null, null));
            members.add(m);
        }
        StaffBinding till = new StaffBinding(cashierId, storeId);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> outcomes = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        try {
            for (Member m : members) {
                outcomes.add(pool.submit(at(start, () -> m.app().delete("/api/app/me?confirm=true").status())));
                outcomes.add(pool.submit(at(start, () -> m.app().post("/api/app/sign-ins", null).status())));
                for (int p = 0; p < PURCHASES; p++) {
                    String order = unique("race");
                    orders.add(order);
                    outcomes.add(pool.submit(at(start, () -> counter.recordPurchaseFor(till, m.id(), order, 1_000))));
                }
            }
            start.countDown();
            for (Future<?> outcome : outcomes) {
                try {
                    outcome.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException refused) {
                    // a purchase or sign-in that reached a deleted member is refused: that is one of the allowed endings
                }
            }
        } finally {
            pool.shutdownNow();
        }

        PointsBooks books = new PointsBooks(jdbc);
        for (Member m : members) {
            assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, m.id())).isEqualTo("DELETED");
            assertThat(books.balance(m.id())).as("member %d ends at zero", m.id()).isZero();
            books.assertBalanced(m.id());
            long writeOff = jdbc.queryForObject("SELECT id FROM points_entry WHERE member_id = ? AND type = 'WRITE_OFF'",
                    Long.class, m.id());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND id > ?", Long.class,
                    m.id(), writeOff)).as("rows after member %d's write-off", m.id()).isZero();
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ? AND id < ?",
                    Long.class, m.id(), writeOff)).as("the write-off takes what was there")
                    .isEqualTo(-jdbc.queryForObject("SELECT delta FROM points_entry WHERE id = ?", Long.class, writeOff));
            // a purchase is in the books with its points, or not at all
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_purchase p WHERE p.member_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM points_entry e WHERE e.id = p.points_entry_id AND e.id < ?)", Long.class, m.id(), writeOff))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signin_record s WHERE s.member_id = ? AND s.points > 0 AND NOT EXISTS "
                    + "(SELECT 1 FROM points_entry e WHERE e.id = s.points_entry_id AND e.id < ?)", Long.class, m.id(), writeOff))
                    .isZero();
        }
    }

    private static <T> Callable<T> at(CountDownLatch start, Callable<T> task) {
        return () -> {
            start.await();
            return task.call();
        };
    }
}
