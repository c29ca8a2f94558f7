package dev.loyalty.bench;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code POST /api/app/sign-ins}, every request a member's first sign-in of the day: wrk for
 * {@code duration} seconds (20) or until the {@code members} (40000) made for it run out, after a warm-up
 * of {@code warmup} seconds (10) with other members. The floor is a first sign-in's five writes in one
 * transaction: state, record, account, ledger row, lot.
 */
final class SignInScenario {

    /** Member ids of the floor's rows: no member has them, and the history's are higher. */
    private static final long FLOOR_MEMBERS = 1_000_000_000_000L;

    private SignInScenario() {
    }

    static void run(HttpBenchmark b) throws Exception {
        int members = Integer.getInteger("members", 40_000);
        int seconds = Integer.getInteger("duration", 20);
        int warmUpSeconds = Integer.getInteger("warmup", 10);
        long[] warm = Seed.members(b.db, b.run + "-warm-", 20_000);
        long[] measured = Seed.members(b.db, b.run + "-m-", members);

        // as in production, someone has looked at today's leaderboard, so each sign-in also ranks its member
        b.app.get("/api/app/leaderboard", b.token(warm[0]));
        b.warmUp(b.tokens(warm), warmUpSeconds);
        HttpBenchmark.Measured m = b.measure(b.tokens(measured), seconds);

        long records = Seed.count(b.db, "SELECT COUNT(*) FROM signin_record WHERE member_id BETWEEN ? AND ?",
                measured[0], measured[measured.length - 1]);
        String floorRun = b.run;
        HttpBenchmark.Floor floor = b.floor((int) Math.max(1_000, m.result().answered()), 1_000,
                (pool, i) -> bareSignIn(pool, FLOOR_MEMBERS + i, "bare:" + floorRun + ":" + i));
        b.report("POST /api/app/sign-ins", m, "bare JDBC, 5 writes in 1 tx", floor, null, "sign-in", records,
                List.of(String.format("check: %d sign-in records written for %d answers (%d more in flight at the stop): %s",
                        records, m.result().ok(), records - m.result().ok(), HttpBenchmark.verdict(b.oneEach(m, records)))));
    }

    /** The rows a member's first sign-in writes, with nothing around them. */
    private static void bareSignIn(DataSource pool, long member, String key) {
        Timestamp now = Timestamp.from(Instant.now());
        Date today = Date.valueOf(LocalDate.now());
        BenchSupport.inTransaction(pool, c -> {
            try (PreparedStatement state = c.prepareStatement(
                    "INSERT INTO signin_state (member_id, last_date, streak) VALUES (?, ?, 1)");
                    PreparedStatement record = c.prepareStatement("""
                            INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, makeup, makeup_cost, created_at)
                            VALUES (?, ?, 1, 5, 0, FALSE, 0, ?)""");
                    PreparedStatement account = c.prepareStatement("""
                            INSERT INTO points_account (member_id, balance, total_earned, total_spent, total_expired, version, created_at, updated_at)
                            VALUES (?, 5, 5, 0, 0, 1, ?, ?)""")) {
                state.setLong(1, member);
                state.setDate(2, today);
                state.executeUpdate();
                record.setLong(1, member);
                record.setDate(2, today);
                record.setTimestamp(3, now);
                record.executeUpdate();
                account.setLong(1, member);
                account.setTimestamp(2, now);
                account.setTimestamp(3, now);
                account.executeUpdate();
            }
            BenchSupport.insertEarning(c, member, 5, "SIGN_IN", key, now);
        });
    }
}
