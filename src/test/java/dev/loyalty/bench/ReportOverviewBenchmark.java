package dev.loyalty.bench;

import dev.loyalty.report.Overview;
import dev.loyalty.report.ReportService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seeds a year of history straight into the tables (one million points ledger rows by default, with
 * wallet rows, coupons, sign-ins and purchases beside them), then asks {@link ReportService#overview}
 * for the last 30 days again and again and prints its latency. Run with {@code bench/run report-overview}.
 * Settings: {@code entries} (1000000), {@code members} (20000), {@code runs} (50).
 */
public final class ReportOverviewBenchmark {

    private static final int BATCH = 5_000;
    private static final String[][] POINTS_ROWS = {
            // type, source, sign of delta, share in percent
            {"EARN", "SIGN_IN", "1", "40"}, {"EARN", "PURCHASE", "1", "30"}, {"SPEND", "REDEEM", "-1", "20"},
            {"EXPIRE", "EXPIRY", "-1", "5"}, {"REVERSE", "PURCHASE", "-1", "3"}, {"ADJUST", "ADMIN", "1", "2"}};

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("entries", 1_000_000);
        int members = Integer.getInteger("members", 20_000);
        int runs = Integer.getInteger("runs", 50);
        String run = Long.toString(System.currentTimeMillis(), 36);

        try (ConfigurableApplicationContext app = BenchSupport.startApp()) {
            System.out.printf("database %s, %d members, %d points ledger rows over 365 days%n",
                    app.getEnvironment().getProperty("spring.datasource.url"), members, entries);
            DataSource dataSource = app.getBean(DataSource.class);
            long seedStarted = System.nanoTime();
            List<Long> ids = BenchSupport.createMembers(dataSource, members, run);
            seed(dataSource, ids.get(0), members, entries, run);
            System.out.printf("seeded in %.0f s%n", (System.nanoTime() - seedStarted) / 1e9);

            ReportService reports = app.getBean(ReportService.class);
            LocalDate to = LocalDate.now(app.getBean(java.time.Clock.class));
            LocalDate from = to.minusDays(29);
            for (int i = 0; i < 5; i++) {
                reports.overview(from, to);
            }
            LatencyRecorder latency = new LatencyRecorder(runs);
            long wall = BenchSupport.timed(1, runs, i -> {
                long started = System.nanoTime();
                reports.overview(from, to);
                latency.record(System.nanoTime() - started);
            });
            Overview last = reports.overview(from, to);
            System.out.println(latency.summary("overview, 30-day window", wall));
            System.out.printf("the window held %d issued, %d redeemed, %d expired points; liability %d%n",
                    last.pointsIssued(), last.pointsRedeemed(), last.pointsExpired(), last.pointsLiability());
        }
    }

    /** Rows spread evenly over the last 365 days, written in batches of plain inserts. */
    private static void seed(DataSource dataSource, long firstMember, int members, int entries, String run)
            throws SQLException {
        Random random = new Random(42);
        Instant now = Instant.now();
        long yearMillis = ChronoUnit.DAYS.getDuration().toMillis() * 365;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement points = c.prepareStatement("""
                    INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                    VALUES (?, ?, 0, ?, ?, ?, ?)""")) {
                for (int i = 0; i < entries; i++) {
                    String[] kind = pick(random);
                    points.setLong(1, firstMember + random.nextInt(members));
                    points.setLong(2, Long.parseLong(kind[2]) * (1 + random.nextInt(100)));
                    points.setString(3, kind[0]);
                    points.setString(4, kind[1]);
                    points.setString(5, "bench:" + run + ":" + i);
                    points.setTimestamp(6, Timestamp.from(now.minusMillis((long) (random.nextDouble() * yearMillis))));
                    points.addBatch();
                    flushEvery(points, c, i);
                }
                points.executeBatch();
                c.commit();
            }
            try (PreparedStatement wallet = c.prepareStatement("""
                    INSERT INTO wallet_entry (member_id, type, delta_cents, principal_delta_cents, bonus_delta_cents,
                                              balance_after_cents, idempotency_key, created_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")) {
                for (int i = 0; i < entries / 10; i++) {
                    boolean topUp = random.nextBoolean();
                    long cents = 100 * (1 + random.nextInt(500));
                    wallet.setLong(1, firstMember + random.nextInt(members));
                    wallet.setString(2, topUp ? "TOP_UP" : "PAY");
                    wallet.setLong(3, topUp ? cents : -cents);
                    wallet.setLong(4, topUp ? cents : -cents);
                    wallet.setLong(5, 0);
                    wallet.setString(6, "bench:" + run + ":w" + i);
                    wallet.setTimestamp(7, Timestamp.from(now.minusMillis((long) (random.nextDouble() * yearMillis))));
                    wallet.addBatch();
                    flushEvery(wallet, c, i);
                }
                wallet.executeBatch();
                c.commit();
            }
            try (PreparedStatement signIn = c.prepareStatement("""
                    INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, makeup, created_at)
                    VALUES (?, ?, 1, 5, 0, FALSE, ?)""");
                    PreparedStatement purchase = c.prepareStatement("""
                            INSERT INTO counter_purchase (store_id, order_no, member_id, amount_cents, points_awarded,
                                                          staff_member_id, created_at)
                            VALUES (1, ?, ?, ?, 0, 0, ?)""")) {
                int row = 0;
                for (int member = 0; member < members; member++) {
                    for (int day = random.nextInt(30); day < 365; day += 10 + random.nextInt(30)) {
                        Instant at = now.minus(day, ChronoUnit.DAYS);
                        signIn.setLong(1, firstMember + member);
                        signIn.setObject(2, LocalDate.now().minusDays(day));
                        signIn.setTimestamp(3, Timestamp.from(at));
                        signIn.addBatch();
                        purchase.setString(1, "bench-" + run + "-" + row);
                        purchase.setLong(2, firstMember + member);
                        purchase.setLong(3, 100 * (1 + random.nextInt(1000)));
                        purchase.setTimestamp(4, Timestamp.from(at));
                        purchase.addBatch();
                        if (++row % BATCH == 0) {
                            signIn.executeBatch();
                            purchase.executeBatch();
                            c.commit();
                        }
                    }
                }
                signIn.executeBatch();
                purchase.executeBatch();
                c.commit();
            }
            try (PreparedStatement accounts = c.prepareStatement("""
                    INSERT INTO points_account (member_id, balance, total_earned, total_spent, total_expired, created_at, updated_at)
                    SELECT member_id, SUM(delta), 0, 0, 0, NOW(6), NOW(6) FROM points_entry GROUP BY member_id""")) {
                accounts.executeUpdate();
                c.commit();
            }
        }
    }

    private static String[] pick(Random random) {
        int roll = random.nextInt(100);
        for (String[] kind : POINTS_ROWS) {
            roll -= Integer.parseInt(kind[3]);
            if (roll < 0) {
                return kind;
            }
        }
        return POINTS_ROWS[0];
    }

    private static void flushEvery(PreparedStatement statement, Connection c, int i) throws SQLException {
        if ((i + 1) % BATCH == 0) {
            statement.executeBatch();
            c.commit();
        }
    }
}
