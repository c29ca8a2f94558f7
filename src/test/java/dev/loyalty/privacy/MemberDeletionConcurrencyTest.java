package dev.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.StaffBinding;
import dev.loyalty.points.PointsBooks;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.AllAtOnce;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    @Timeout(60)
    void deletionRacingSignInsAndPurchasesLeavesNothingCreditedAfterTheWriteOff() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Member m = member();
            points.earn(new PointsMovement(m.id(), 100, PointsSource.GRANT, "race-" + m.id(), null, null));
            members.add(m);
        }
        StaffBinding till = new StaffBinding(cashierId, storeId);
        List<Callable<Object>> race = new ArrayList<>();
        for (Member m : members) {
            race.add(mayBeRefused(() -> m.app().delete("/api/app/me?confirm=true").status()));
            race.add(mayBeRefused(() -> m.app().post("/api/app/sign-ins", null).status()));
            for (int p = 0; p < PURCHASES; p++) {
                String order = unique("race");
                race.add(mayBeRefused(() -> counter.recordPurchaseFor(till, m.id(), order, 1_000)));
            }
        }
        AllAtOnce.run(race.size(), race::get, 16);

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

    /** A purchase or sign-in that reached a deleted member is refused: that is one of the allowed endings. */
    private static Callable<Object> mayBeRefused(Callable<?> task) {
        return () -> {
            try {
                return task.call();
            } catch (Exception refused) {
                return refused;
            }
        };
    }
}
