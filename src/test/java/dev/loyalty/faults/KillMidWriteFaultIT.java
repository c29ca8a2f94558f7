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
 * The app is killed (SIGKILL) in the middle of a crowd of first sign-ins and wallet payments at a till, and started
 * again on the same database: every sign-in and payment a member or cashier was told succeeded is there exactly
 * once, nothing is half there, every points account and wallet still adds up, doing it all again changes nothing
 * twice, and the notifications the dead instance had committed (some claimed by it, never sent) are all finished.
 */
class KillMidWriteFaultIT {

    private static final int MEMBERS = 400;
    /** Every fourth member also pays at the till from a topped-up wallet. */
    private static final int PAYER_EVERY = 4;
    private static final long TOP_UP_CENTS = 10_000;
    private static final int THREADS = 16;

    @Test
    void whatWasAnsweredBeforeAKillIsThereExactlyOnceAndTheLedgersAddUpAfterTheRestart() throws Exception {
        try (FaultDatabase db = FaultDatabase.create("kill");
                LocalRedis redis = LocalRedis.start();
                AppProcess app = Faults.app(getClass(), db.jdbcUrl(), redis.port())
                        .args("--loyalty.jobs.scheduled=true", "--loyalty.notify.claim-timeout=PT5S",
                                "--loyalty.rate-limit.enabled=false")
                        .start()) {
            List<Member> members = inParallel(MEMBERS, i -> Faults.login(app, "crowd-" + i));
            Member cashier = openTill(app);
            inParallel(MEMBERS, i -> i % PAYER_EVERY == 0 ? topUp(app, cashier, members.get(i)) : null);

            Map<Long, String> signedIn = new ConcurrentHashMap<>();
            Map<String, Long> paid = new ConcurrentHashMap<>();
            List<Attempt> crowd = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                Member member = members.get(i);
                crowd.add(() -> signIn(app, member, signedIn));
                if (i % PAYER_EVERY == 0) {
                    long cents = amount(i);
                    crowd.add(() -> {
                        boolean ok = pay(app, cashier, member, cents).status() == 200;
                        if (ok) {
                            paid.put(orderNo(member), cents);
                        }
                        return ok;
                    });
                }
            }
            int lostInFlight = runUntilKilled(app, crowd);
            System.out.printf("killed the app with %d sign-ins and %d payments answered, %d requests in flight%n",
                    signedIn.size(), paid.size(), lostInFlight);
            assertThat(signedIn).as("sign-ins answered 200 before the kill").isNotEmpty().hasSizeLessThan(MEMBERS);
            assertThat(paid).as("payments answered 200 before the kill").isNotEmpty();
            assertThat(lostInFlight).as("requests in flight when the app was killed").isPositive();

            app.restart();
            long lastNotificationBeforeCrash = db.number("SELECT COALESCE(MAX(id), 0) FROM notification");

            for (Map.Entry<Long, String> answered : signedIn.entrySet()) {
                long member = answered.getKey();
                String date = answered.getValue();
                assertThat(db.number("SELECT COUNT(*) FROM signin_record WHERE member_id = ? AND sign_date = ?", member, date))
                        .as("sign-in records of member %d, told it signed in on %s", member, date).isOne();
                assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND source = 'SIGN_IN'", member))
                        .as("sign-in ledger rows of member %d", member).isOne();
            }
            for (Map.Entry<String, Long> answered : paid.entrySet()) {
                assertThat(db.number("SELECT COUNT(*) FROM wallet_entry WHERE type = 'PAY' AND order_no = ? AND delta_cents = ?",
                        answered.getKey(), -answered.getValue())).as("wallet payments of order %s", answered.getKey()).isOne();
            }
            assertNoHalfWrites(db);
            assertEveryAccountAddsUp(db);

            List<Response> again = inParallel(MEMBERS, i -> app.call("POST", "/api/app/sign-ins", members.get(i).token(), null));
            for (int i = 0; i < MEMBERS; i++) {
                Response answer = again.get(i);
                assertThat(answer.status()).as("sign-in after the restart: %s", answer.body()).isEqualTo(200);
                if (signedIn.containsKey(members.get(i).id())) {
                    assertThat(answer.json().get("alreadySignedIn").asBoolean())
                            .as("member %d signed in before the kill", members.get(i).id()).isTrue();
                }
            }
            List<Response> paidAgain = inParallel(MEMBERS,
                    i -> i % PAYER_EVERY == 0 ? pay(app, cashier, members.get(i), amount(i)) : null);
            for (Response answer : paidAgain) {
                if (answer != null) {
                    assertThat(answer.status()).as("payment tried again after the restart: %s", answer.body()).isEqualTo(200);
                }
            }

            assertThat(db.rows("SELECT member_id FROM signin_record GROUP BY member_id, sign_date HAVING COUNT(*) <> 1"))
                    .as("members with other than one sign-in record a day").isEmpty();
            assertThat(db.number("SELECT COUNT(DISTINCT member_id) FROM signin_record")).isEqualTo(MEMBERS);
            assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE source = 'SIGN_IN'")).isEqualTo(MEMBERS);
            assertThat(db.number("SELECT COUNT(*) FROM wallet_entry WHERE type = 'PAY'")).isEqualTo(MEMBERS / PAYER_EVERY);
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

    /** One request of the crowd; true when the app answered 200. */
    private interface Attempt {
        boolean run() throws IOException, InterruptedException;
    }

    /**
     * The crowd from {@link #THREADS} threads, in order; once a third of it has been answered the app is killed with
     * the rest in flight. Answers how many requests died with the app.
     */
    private static int runUntilKilled(AppProcess app, List<Attempt> crowd) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch third = new CountDownLatch(crowd.size() / 3);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < crowd.size() && !killed.get(); i = next.getAndIncrement()) {
                    try {
                        if (crowd.get(i).run()) {
                            third.countDown();
                        }
                    } catch (IOException diedWithTheApp) {
                        lost.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        assertThat(third.await(60, TimeUnit.SECONDS)).as("a third of the crowd answered within 60 s").isTrue();
        killed.set(true);
        app.kill();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return lost.get();
    }

    private static boolean signIn(AppProcess app, Member member, Map<Long, String> signedIn)
            throws IOException, InterruptedException {
        Response answer = app.call("POST", "/api/app/sign-ins", member.token(), null, Duration.ofSeconds(20));
        if (answer.status() != 200) {
            return false;
        }
        signedIn.put(member.id(), answer.json().get("date").asString());
        return true;
    }

    /** A payment at the till with a member code the member just showed (or the answer that refused the code). */
    private static Response pay(AppProcess app, Member cashier, Member member, long cents)
            throws IOException, InterruptedException {
        Response code = app.call("GET", "/api/app/member-code", member.token(), null, Duration.ofSeconds(20));
        if (code.status() != 200) {
            return code;
        }
        return app.call("POST", "/api/staff/wallet/payments", cashier.token(), """
                {"memberCode":"%s","orderNo":"%s","amountCents":%d}""".formatted(
                code.json().get("code").asString(), orderNo(member), cents), Duration.ofSeconds(20));
    }

    /** One order a member, so a payment tried again is the same order. */
    private static String orderNo(Member member) {
        return "pay-" + member.id();
    }

    private static long amount(int i) {
        return 100 + i;
    }

    /** A store with a cashier bound to it. */
    private static Member openTill(AppProcess app) throws Exception {
        Member cashier = Faults.login(app, "cashier");
        String admin = app.adminToken();
        long store = app.post("/api/admin/stores", admin, "{\"name\":\"faults\"}").get("id").asLong();
        app.post("/api/admin/staff", admin, "{\"memberId\":" + cashier.id() + ",\"storeId\":" + store + "}");
        return cashier;
    }

    private static Void topUp(AppProcess app, Member cashier, Member member) throws Exception {
        String code = app.get("/api/app/member-code", member.token()).get("code").asString();
        app.post("/api/staff/wallet/top-ups", cashier.token(), """
                {"memberCode":"%s","orderNo":"topup-%d","amountCents":%d}""".formatted(code, member.id(), TOP_UP_CENTS));
        return null;
    }

    /**
     * A sign-in record always has its ledger row and a sign-in ledger row its record; a wallet payment its purchase
     * and a purchase its payment; every points ledger row its notification.
     */
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
                SELECT e.id FROM wallet_entry e
                 WHERE e.type = 'PAY' AND NOT EXISTS (SELECT 1 FROM counter_purchase p WHERE p.store_id = e.store_id
                       AND p.order_no = e.order_no AND p.member_id = e.member_id AND p.amount_cents = -e.delta_cents)"""))
                .as("wallet payments without their purchase").isEmpty();
        assertThat(db.rows("""
                SELECT p.id FROM counter_purchase p
                 WHERE NOT EXISTS (SELECT 1 FROM wallet_entry e WHERE e.type = 'PAY' AND e.store_id = p.store_id
                       AND e.order_no = p.order_no)"""))
                .as("purchases without their wallet payment (every purchase here is one)").isEmpty();
        assertThat(db.rows("""
                SELECT e.id FROM points_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.source_key = CONCAT('points:', e.id))"""))
                .as("points ledger rows without their notification (the outbox is written in the same transaction)").isEmpty();
    }

    /** Every account's balance is the sum of its ledger and the balance after its last row; totals and lots agree. */
    private static void assertEveryAccountAddsUp(FaultDatabase db) throws Exception {
        assertThat(db.rows("""
                SELECT a.member_id FROM points_account a
                  LEFT JOIN (SELECT member_id, SUM(delta) AS total, MAX(id) AS last_id FROM points_entry GROUP BY member_id) e
                    ON e.member_id = a.member_id
                  LEFT JOIN points_entry last ON last.id = e.last_id
                 WHERE a.balance <> COALESCE(e.total, 0)
                    OR a.balance <> a.total_earned - a.total_spent - a.total_expired
                    OR (last.id IS NOT NULL AND last.balance_after <> a.balance)"""))
                .as("points accounts whose balance is not what their ledger adds up to").isEmpty();
        assertThat(db.rows("""
                SELECT DISTINCT e.member_id FROM points_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM points_account a WHERE a.member_id = e.member_id)"""))
                .as("points ledger rows of members without an account").isEmpty();
        assertThat(db.rows("""
                SELECT a.member_id FROM points_account a
                  LEFT JOIN (SELECT member_id, SUM(remaining) AS remaining FROM points_lot GROUP BY member_id) l
                    ON l.member_id = a.member_id
                 WHERE a.balance <> COALESCE(l.remaining, 0)"""))
                .as("points accounts whose lots do not hold their balance").isEmpty();
        assertThat(db.rows("""
                SELECT a.member_id FROM wallet_account a
                  LEFT JOIN (SELECT member_id, SUM(principal_delta_cents) AS principal, SUM(bonus_delta_cents) AS bonus,
                                    SUM(delta_cents) AS total, MAX(id) AS last_id FROM wallet_entry GROUP BY member_id) e
                    ON e.member_id = a.member_id
                  LEFT JOIN wallet_entry last ON last.id = e.last_id
                 WHERE a.principal_cents <> COALESCE(e.principal, 0) OR a.bonus_cents <> COALESCE(e.bonus, 0)
                    OR a.principal_cents + a.bonus_cents <> COALESCE(e.total, 0)
                    OR (last.id IS NOT NULL AND last.balance_after_cents <> a.principal_cents + a.bonus_cents)"""))
                .as("wallets whose balance is not what their ledger adds up to").isEmpty();
        assertThat(db.rows("""
                SELECT DISTINCT e.member_id FROM wallet_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM wallet_account a WHERE a.member_id = e.member_id)"""))
                .as("wallet ledger rows of members without a wallet").isEmpty();
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
