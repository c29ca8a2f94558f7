package dev.loyalty.integrity;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly (at {@code loyalty.integrity.cron}, business zone) and on demand: proves the books add up (see
 * {@link IntegrityService}), under the job's lease so one instance checks at a time. Answers the rows checked.
 */
@Component
class IntegrityCheckJob implements Job {

    private final IntegrityService integrity;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final int batchSize;

    IntegrityCheckJob(IntegrityService integrity, JobLock jobLock, JobSwitch jobSwitch,
            @Value("${loyalty.integrity.batch-size:500}") int batchSize) {
        this.integrity = integrity;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "integrity-check";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), () -> integrity.check(batchSize).accounts());
    }

    @Scheduled(cron = "${loyalty.integrity.cron:0 30 3 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }
}
