package dev.loyalty.campaign.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the grants, on one instance at a time (the job's lease). A new grant starts at once ({@link #kick()});
 * the sweep resumes any a crash or a database error left RUNNING. A run waiting on another's lease gives up
 * after JobLock's wait; the run that holds it picks up grants started meanwhile before it ends.
 */
@Component
public class CouponGrantJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(CouponGrantJob.class);

    private final GrantRunner runner;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;

    CouponGrantJob(GrantRunner runner, JobLock jobLock, JobSwitch jobSwitch) {
        this.runner = runner;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
    }

    @Override
    public String name() {
        return "coupon-grants";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), runner::runAll);
    }

    /** Runs the grants on another thread, now: what a new grant asks for after its row commits. */
    @Async
    public void kick() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Grants run failed; the sweep tries again", e);
        }
    }

    @Scheduled(fixedDelayString = "${loyalty.grants.sweep-delay:PT1M}", initialDelayString = "${loyalty.grants.sweep-delay:PT1M}")
    void sweep() {
        jobSwitch.onSchedule(this);
    }
}
