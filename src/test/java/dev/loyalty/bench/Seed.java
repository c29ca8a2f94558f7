package dev.loyalty.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Rows written straight into the tables in bulk, one INSERT ... SELECT per table over MariaDB's sequence
 * engine ({@code seq_1_to_N}), so that a million rows take seconds rather than minutes.
 */
final class Seed {

    /** Member ids of the history rows: far above the members the benchmark makes, and the floor's. */
    private static final long HISTORY_MEMBERS = 2_000_000_000_000L;
    /** Days of sign-in history per history member. */
    private static final int HISTORY_DAYS = 100;

    private Seed() {
    }

    /** {@code count} members whose openid starts with {@code prefix}; answers their ids, ascending. */
    static long[] members(DataSource db, String prefix, int count) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, """
                    INSERT INTO member (openid, level_code, growth, created_at, updated_at)
                    SELECT CONCAT(?, seq), 'BASE', 0, NOW(6), NOW(6) FROM seq_1_to_%d""".formatted(count), prefix);
            long[] ids = new long[count];
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM member WHERE openid LIKE ? ORDER BY id")) {
                select.setString(1, prefix + "%");
                try (ResultSet rows = select.executeQuery()) {
                    for (int i = 0; rows.next(); i++) {
                        ids[i] = rows.getLong(1);
                    }
                }
            }
            return ids;
        }
    }

    /** An earning of {@code points} for each member of {@code prefix}: account, ledger row and lot, as the app writes them. */
    static void points(DataSource db, String prefix, long points) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, """
                    INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                    SELECT id, ?, ?, 'EARN', 'ADMIN', CONCAT('bench-seed:', id), NOW(6) FROM member WHERE openid LIKE ?""",
                    points, points, prefix + "%");
            update(c, """
                    INSERT INTO points_lot (member_id, entry_id, amount, remaining, earned_at, expires_at)
                    SELECT e.member_id, e.id, e.delta, e.delta, e.created_at, e.created_at + INTERVAL 365 DAY
                      FROM points_entry e JOIN member m ON m.id = e.member_id
                     WHERE m.openid LIKE ? AND e.idempotency_key LIKE 'bench-seed:%'""", prefix + "%");
            update(c, """
                    INSERT INTO points_account (member_id, balance, total_earned, total_spent, total_expired, next_expiry_at,
                                                version, created_at, updated_at)
                    SELECT l.member_id, l.amount, l.amount, 0, 0, l.expires_at, 0, l.earned_at, l.earned_at
                      FROM points_lot l JOIN member m ON m.id = l.member_id WHERE m.openid LIKE ?""", prefix + "%");
        }
    }

    /** A top-up of {@code cents} for each member of {@code prefix}: the wallet and its ledger row. */
    static void wallets(DataSource db, String prefix, long cents) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, """
                    INSERT INTO wallet_account (member_id, principal_cents, bonus_cents, version, created_at, updated_at)
                    SELECT id, ?, 0, 0, NOW(6), NOW(6) FROM member WHERE openid LIKE ?""", cents, prefix + "%");
            update(c, """
                    INSERT INTO wallet_entry (member_id, type, delta_cents, principal_delta_cents, bonus_delta_cents,
                                              balance_after_cents, idempotency_key, created_at)
                    SELECT id, 'TOP_UP', ?, ?, 0, ?, CONCAT('bench-seed:', id), NOW(6) FROM member WHERE openid LIKE ?""",
                    cents, cents, cents, prefix + "%");
        }
    }

    /**
     * {@code rows} sign-in records and as many points ledger rows and lots of other members (100 days
     * each), with their accounts and sign-in state: the history a sign-in's indexes are written into.
     */
    static void history(DataSource db, long rows) throws SQLException {
        long members = (rows + HISTORY_DAYS - 1) / HISTORY_DAYS;
        String member = HISTORY_MEMBERS + " + (seq - 1) DIV " + HISTORY_DAYS;
        String daysAgo = "1 + (seq - 1) MOD " + HISTORY_DAYS;
        try (Connection c = db.getConnection()) {
            update(c, """
                    INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, makeup, makeup_cost, created_at)
                    SELECT %s, CURDATE() - INTERVAL %s DAY, 1, 5, 0, FALSE, 0, NOW(6) - INTERVAL %s DAY
                      FROM seq_1_to_%d""".formatted(member, daysAgo, daysAgo, rows));
            update(c, """
                    INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                    SELECT %s, 5, 5 * (%d - (seq - 1) MOD %d), 'EARN', 'SIGN_IN', CONCAT('history:', seq),
                           NOW(6) - INTERVAL %s DAY
                      FROM seq_1_to_%d""".formatted(member, HISTORY_DAYS, HISTORY_DAYS, daysAgo, rows));
            update(c, """
                    INSERT INTO points_lot (member_id, entry_id, amount, remaining, earned_at, expires_at)
                    SELECT member_id, id, 5, 5, created_at, created_at + INTERVAL 365 DAY
                      FROM points_entry WHERE idempotency_key LIKE 'history:%'""");
            update(c, """
                    INSERT INTO points_account (member_id, balance, total_earned, total_spent, total_expired, next_expiry_at,
                                                version, created_at, updated_at)
                    SELECT %d + seq - 1, 5 * %d, 5 * %d, 0, 0, NOW(6) + INTERVAL 265 DAY, 0, NOW(6), NOW(6)
                      FROM seq_1_to_%d""".formatted(HISTORY_MEMBERS, HISTORY_DAYS, HISTORY_DAYS, members));
            update(c, "INSERT INTO signin_state (member_id, last_date, streak) SELECT %d + seq - 1, CURDATE() - INTERVAL 1 DAY, 1 FROM seq_1_to_%d"
                    .formatted(HISTORY_MEMBERS, members));
        }
    }

    static long count(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
