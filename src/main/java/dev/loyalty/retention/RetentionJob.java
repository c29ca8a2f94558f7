package dev.loyalty.retention;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.notify.NotificationService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly (at {@code loyalty.retention.cron}, business zone) and on demand: deletes notifications written before
 * {@code loyalty.retention.notifications} ago and audit-log entries before {@code loyalty.retention.audit-log}
 * ago, oldest first, {@link #BATCH} rows per statement and transaction until none are left; under the job's
 * lease. The run itself is audited ({@code RETENTION_PURGED}, with the counts and the cut-offs). Ledgers,
 * purchases and rebates are never deleted. Answers the rows deleted.
 */
@Component
@EnableConfigurationProperties(RetentionPeriods.class)
class RetentionJob implements Job {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final NotificationService notifications;
    private final AuditTrail audit;
    private final RetentionPeriods periods;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final TransactionTemplate tx;
    private final Clock clock;

    RetentionJob(NotificationService notifications, AuditTrail audit, RetentionPeriods periods, JobLock jobLock,
            JobSwitch jobSwitch, PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.periods = periods;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::purge);
    }

    @Scheduled(cron = "${loyalty.retention.cron:0 45 3 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }

    private long purge() {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        Instant notificationsBefore = now.minus(periods.notifications()).toInstant();
        Instant auditBefore = now.minus(periods.auditLog()).toInstant();
        long notificationsDeleted = inBatches(() -> notifications.purgeBefore(notificationsBefore, BATCH));
        long auditDeleted = inBatches(() -> audit.purgeBefore(auditBefore, BATCH));
        if (notificationsDeleted + auditDeleted > 0) {
            Map<String, Object> purged = new LinkedHashMap<>();
            purged.put("notifications", notificationsDeleted);
            purged.put("notificationsBefore", notificationsBefore.toString());
            purged.put("auditLog", auditDeleted);
            purged.put("auditLogBefore", auditBefore.toString());
            tx.executeWithoutResult(status -> audit.record("RETENTION_PURGED", "retention", null, purged));
        }
        log.info("Retention deleted {} notifications written before {} and {} audit-log entries before {}",
                notificationsDeleted, notificationsBefore, auditDeleted, auditBefore);
        return notificationsDeleted + auditDeleted;
    }

    /** Runs one batch after another (each its own statement and transaction) until one comes back short. */
    private static long inBatches(IntSupplier batch) {
        long deleted = 0;
        int last;
        do {
            last = batch.getAsInt();
            deleted += last;
        } while (last == BATCH);
        return deleted;
    }
}
