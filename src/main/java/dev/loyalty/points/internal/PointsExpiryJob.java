package dev.loyalty.points.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.points.PointsService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes EXPIRE rows for lots past their expiry, member by member, each member in its own transaction:
 * a crash loses nothing, and the next run carries on where it stopped. The Redis lock only keeps
 * instances from doing the same work twice; the account row lock and the unique EXPIRE key per lot
 * keep it correct without it.
 */
@Component
class PointsExpiryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiryJob.class);
    private static final int BATCH = 200;

    private final PointsService points;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;

    PointsExpiryJob(PointsService points, JobLock jobLock, JobSwitch jobSwitch) {
        this.points = points;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
    }

    @Override
    public String name() {
        return "points-expiry";
    }

    @Scheduled(cron = "${loyalty.points.expiry-cron:0 5 0 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::writeOffDueLots);
    }

    private long writeOffDueLots() {
        long processed = 0;
        List<Long> members = points.membersWithExpiredLots(BATCH);
        while (!members.isEmpty()) {
            long before = processed;
            for (long memberId : members) {
                processed += points.expireDue(memberId);
            }
            if (processed == before) {
                break;
            }
            members = points.membersWithExpiredLots(BATCH);
        }
        log.info("Points expiry wrote off {} lots", processed);
        return processed;
    }
}
