package dev.loyalty.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Old notifications and audit entries go, a batch at a time; recent ones and every ledger stay. */
class RetentionTest extends IntegrationTest {

    private static final int OLD_NOTIFICATIONS = 2_300;
    private static final int OLD_AUDIT_ENTRIES = 2_100;

    @Test
    void deletesWhatIsOlderThanItsPeriodInBatchesAndKeepsRecentRowsAndLedgers() {
        String marker = unique("ret");
        Instant now = clock.instant();
        insertNotifications(marker + "-old", OLD_NOTIFICATIONS, now.minus(Duration.ofDays(200)));
        insertNotifications(marker + "-recent", 10, now.minus(Duration.ofDays(170)));
        insertAuditEntries(marker + "-old", OLD_AUDIT_ENTRIES, now.minus(Duration.ofDays(3 * 366 + 5)));
        insertAuditEntries(marker + "-recent", 10, now.minus(Duration.ofDays(2 * 365)));
        String code = unique("ret-member");
        long member = memberId(code);
        Api admin = api.as(loginAdmin());
        admin.post("/api/admin/members/" + member + "/points-adjustments", Map.of("delta", 50, "reason", "old points"));
        jdbc.update("UPDATE points_entry SET created_at = ? WHERE member_id = ?", Timestamp.from(now.minus(Duration.ofDays(5 * 365))),
                member);
        Map<String, Long> ledgersBefore = ledgerCounts();

        Api.Response run = admin.post("/api/admin/jobs/retention/run", null);

        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().path("processed").asLong()).as("more rows than one batch of each")
                .isGreaterThanOrEqualTo(OLD_NOTIFICATIONS + OLD_AUDIT_ENTRIES)
                .isGreaterThan(2L * RetentionJob.BATCH);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE source_key LIKE ?", marker + "-old%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM notification WHERE source_key LIKE ?", marker + "-recent%")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target LIKE ?", marker + "-old%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target LIKE ?", marker + "-recent%")).isEqualTo(10);
        assertThat(ledgerCounts()).as("ledgers, purchases and rebates are never deleted").isEqualTo(ledgersBefore);
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE member_id = ?", member)).isEqualTo(1);
        assertThat(admin.get("/api/admin/audit-log?action=RETENTION_PURGED&size=1").json().path("items").get(0)
                .path("after").path("notifications").asLong()).isGreaterThanOrEqualTo(OLD_NOTIFICATIONS);

        Api.Response again = admin.post("/api/admin/jobs/retention/run", null);
        assertThat(again.json().path("processed").asLong()).as("nothing left to delete").isZero();
    }

    private Map<String, Long> ledgerCounts() {
        return Map.of("points_entry", count("SELECT COUNT(*) FROM points_entry"),
                "points_lot", count("SELECT COUNT(*) FROM points_lot"),
                "wallet_entry", count("SELECT COUNT(*) FROM wallet_entry"),
                "counter_purchase", count("SELECT COUNT(*) FROM counter_purchase"),
                "rebate", count("SELECT COUNT(*) FROM rebate"));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private void insertNotifications(String prefix, int n, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {prefix + "-" + i, Timestamp.from(at.plusMillis(i)), Timestamp.from(at.plusMillis(i))});
        }
        jdbc.batchUpdate("""
                INSERT INTO notification (member_id, kind, source_key, change_text, balance_text, page, status, attempts,
                                          next_attempt_at, created_at)
                VALUES (0, 'POINTS_CHANGED', ?, '+1', '1', 'pages/points/index', 'SENT', 1, ?, ?)
                """, rows);
    }

    private void insertAuditEntries(String prefix, int n, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {prefix + "-" + i, Timestamp.from(at.plusMillis(i))});
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_log (actor_type, actor_id, action, target, created_at)
                VALUES ('SYSTEM', 0, 'RETENTION_TEST', ?, ?)
                """, rows);
    }
}
