package dev.loyalty.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loyalty.faults.Faults.Member;
import dev.loyalty.support.AppProcess;
import dev.loyalty.support.AppProcess.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The app is killed (SIGKILL) in the middle of a crowd of first sign-ins, and started again on the same database:
 * every sign-in a member was told succeeded is there exactly once with its ledger row, no sign-in or ledger row is
 * half there, every points account still adds up, signing in again changes nothing twice, and the notifications
 * the dead instance had committed (some of them claimed by it, never sent) are all finished by the sweeper.
 */
class KillMidWriteFaultIT {

    private static final int MEMBERS = 400;
    private static final int THREADS = 16;

    @Test
    void signInsAnsweredBeforeAKillAreThereExactlyOnceAndTheLedgerAddsUpAfterTheRestart() throws Exception {
        try (FaultDatabase db = FaultDatabase.create("kill");
                LocalRedis redis = LocalRedis.start();
                AppProcess app = Faults.app(getClass(), db.jdbcUrl(), redis.port())
                        .args("--loyalty.jobs.scheduled=true", "--loyalty.notify.claim-timeout=PT5S",
                                "--loyalty.rate-limit.enabled=false")
                        .start()) {
            List<Member> members = inParallel(MEMBERS, i -> Faults.login(app, "crowd-" + i));

            Load load = signInUntilKilled(app, members);
            assertThat(load.answered()).as("sign-ins answered 200 before the kill").isNotEmpty().hasSizeLessThan(MEMBERS);
            assertThat(load.lostInFlight()).as("sign-ins in flight when the app was killed").isPositive();

            app.restart();
            long lastNotificationBeforeCrash = db.number("SELECT COALESCE(MAX(id), 0) FROM notification");

            for (Map.Entry<Long, String> answered : load.answered().entrySet()) {
                long member = answered.getKey();
                String date = answered.getValue();
                assertThat(db.number("SELECT COUNT(*) FROM signin_record WHERE member_id = ? AND sign_date = ?", member, date))
                        .as("sign-in records of member %d, told it signed in on %s", member, date).isOne();
                assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND source = 'SIGN_IN'", member))
                        .as("sign-in ledger rows of member %d", member).isOne();
            }
            assertNoHalfWrites(db);
            assertEveryAccountAddsUp(db);

            List<Response> again = inParallel(MEMBERS, i -> app.call("POST", "/api/app/sign-ins", members.get(i).token(), null));
            for (int i = 0; i < MEMBERS; i++) {
                Response answer = again.get(i);
                assertThat(answer.status()).as("sign-in after the restart: %s", answer.body()).isEqualTo(200);
                if (load.answered().containsKey(members.get(i).id())) {
                    assertThat(answer.json().get("alreadySignedIn").asBoolean())
                            .as("member %d signed in before the kill", members.get(i).id()).isTrue();
                }
            }
            assertThat(db.rows("SELECT member_id FROM signin_record GROUP BY member_id, sign_date HAVING COUNT(*) <> 1"))
                    .as("members with other than one sign-in record a day").isEmpty();
            assertThat(db.number("SELECT COUNT(DISTINCT member_id) FROM signin_record")).isEqualTo(MEMBERS);
            assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE source = 'SIGN_IN'")).isEqualTo(MEMBERS);
            assertNoHalfWrites(db);
            assertEveryAccountAddsUp(db);

            assertThat(lastNotificationBeforeCrash).as("notifications committed before the crash").isPositive();
            await("every notification committed before the crash is sent or skipped").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(db.strings(
                            "SELECT CONCAT(id, ' ', status) FROM notification WHERE id <= ? AND status NOT IN ('SENT', 'SKIPPED')",
                            lastNotificationBeforeCrash)).isEmpty());
        }
    }

    /** The sign-ins that came back 200 (member id → the date they were given), and how many died with the app. */
    private record Load(Map<Long, String> answered, int lostInFlight) {
    }

    /**
     * First sign-ins of {@code members} from {@link #THREADS} threads; once a third of them have been answered the
     * app is killed, with the others' requests in flight.
     */
    private static Load signInUntilKilled(AppProcess app, List<Member> members) throws Exception {
        Map<Long, String> answered = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch third = new CountDownLatch(members.size() / 3);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < members.size() && !killed.get(); i = next.getAndIncrement()) {
                    Member member = members.get(i);
                    try {
                        Response answer = app.call("POST", "/api/app/sign-ins", member.token(), null, Duration.ofSeconds(20));
                        if (answer.status() == 200) {
                            answered.put(member.id(), answer.json().get("date").asString());
                            third.countDown();
                        }
                    } catch (IOException diedWithTheApp) {
                        lost.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        assertThat(third.await(60, TimeUnit.SECONDS)).as("a third of the sign-ins answered within 60 s").isTrue();
        killed.set(true);
        app.kill();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return new Load(Map.copyOf(answered), lost.get());
    }

    /** A sign-in record always has its ledger row, and a sign-in ledger row its record; every ledger row its message. */
    private static void assertNoHalfWrites(FaultDatabase db) throws Exception {
        assertThat(db.rows("""
                SELECT r.id FROM signin_record r LEFT JOIN points_entry e ON e.id = r.points_entry_id
                 WHERE e.id IS NULL OR e.member_id <> r.member_id OR e.source <> 'SIGN_IN'"""))
                .as("sign-in records without their ledger row").isEmpty();
        assertThat(db.rows("""
                SELECT e.id FROM points_entry e
                 WHERE e.source = 'SIGN_IN' AND NOT EXISTS (SELECT 1 FROM signin_record r WHERE r.points_entry_id = e.id)"""))
                .as("sign-in ledger rows without their record").isEmpty();
        assertThat(db.rows("""
                SELECT e.id FROM points_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.source_key = CONCAT('points:', e.id))"""))
                .as("ledger rows without their notification (the outbox is written in the same transaction)").isEmpty();
    }

    /** Every account's balance is the sum of its ledger, the balance after its last row, and its totals agree. */
    private static void assertEveryAccountAddsUp(FaultDatabase db) throws Exception {
        assertThat(db.rows("""
                SELECT a.member_id FROM points_account a
                  LEFT JOIN (SELECT member_id, SUM(delta) AS total, MAX(id) AS last_id FROM points_entry GROUP BY member_id) e
                    ON e.member_id = a.member_id
                  LEFT JOIN points_entry last ON last.id = e.last_id
                 WHERE a.balance <> COALESCE(e.total, 0)
                    OR a.balance <> a.total_earned - a.total_spent - a.total_expired
                    OR (last.id IS NOT NULL AND last.balance_after <> a.balance)"""))
                .as("accounts whose balance is not what their ledger adds up to").isEmpty();
        assertThat(db.rows("""
                SELECT DISTINCT e.member_id FROM points_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM points_account a WHERE a.member_id = e.member_id)"""))
                .as("ledger rows of members without an account").isEmpty();
        assertThat(db.rows("""
                SELECT a.member_id FROM points_account a
                  LEFT JOIN (SELECT member_id, SUM(remaining) AS remaining FROM points_lot GROUP BY member_id) l
                    ON l.member_id = a.member_id
                 WHERE a.balance <> COALESCE(l.remaining, 0)"""))
                .as("accounts whose lots do not hold their balance").isEmpty();
    }

    private interface Call<T> {
        T call(int i) throws Exception;
    }

    /** {@code call(0..count-1)} from {@link #THREADS} threads; the answers in order. */
    private static <T> List<T> inParallel(int count, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.call(index)));
            }
            List<T> answers = new ArrayList<>(count);
            for (Future<T> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
