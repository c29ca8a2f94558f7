package dev.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An operator sends a failed notification again: a fresh round of attempts, recorded in the audit log. */
class NotificationRetryTest extends IntegrationTest {

    @Test
    void aFailedNotificationGoesBackToPendingOnceAndASentOneCannotBeRetried() {
        long member = memberId(unique("unlucky"));
        long failed = insert(member, "FAILED");
        long sent = insert(member, "SENT");
        Api admin = api.as(loginAdmin());

        Api.Response retried = admin.post("/api/admin/notifications/" + failed + "/retry", null);
        Api.Response again = admin.post("/api/admin/notifications/" + failed + "/retry", null);
        Api.Response notFailed = admin.post("/api/admin/notifications/" + sent + "/retry", null);

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().path("status").asString()).isIn("PENDING", "SENDING", "SENT", "SKIPPED");
        assertThat(retried.json().path("attempts").asInt()).isZero();
        assertThat(again.status()).as("already pending").isEqualTo(409);
        assertThat(notFailed.code()).isEqualTo("NOTIFICATION_NOT_RETRYABLE");
        assertThat(admin.post("/api/admin/notifications/999999999/retry", null).code()).isEqualTo("NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'NOTIFICATION_RETRIED' AND target = ?",
                Long.class, "notification:" + failed)).isEqualTo(1);
    }

    private long insert(long member, String status) {
        String key = unique("retry");
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO notification (member_id, kind, source_key, change_text, balance_text, page, status, attempts,
                                          last_error, next_attempt_at, created_at)
                VALUES (?, 'POINTS', ?, '+1', '1', 'pages/points/index', ?, 6, 'errcode -1', ?, ?)
                """, member, key, status, now, now);
        return jdbc.queryForObject("SELECT id FROM notification WHERE source_key = ?", Long.class, key);
    }
}
