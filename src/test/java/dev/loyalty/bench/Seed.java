package dev.loyalty.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Rows written straight into the tables in bulk, one INSERT ... SELECT per table over MariaDB's sequence
 * engine ({@code seq_1_to_N}).
 */
final class Seed {

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
