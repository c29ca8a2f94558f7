package dev.loyalty.campaign.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the grants, on one instance at a time (the job's lease). A new grant starts at once ({@link #kick()})
 * on this instance's grant thread; the sweep resumes any that a crash or a database error left RUNNING. Kicks
 * that arrive while a run is queued are one run: that run picks up every grant started before it looks.
 * A run waiting on another instance's lease gives up after JobLock's wait; the run that holds the lease
 * picks up grants started meanwhile before it ends.
 */
@Component
public class CouponGrantJob implements Job, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CouponGrantJob.class);

    private final GrantRunner runner;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coupon-grants");
        t.setDaemon(true);
        return t;
    });

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

    /** Asks for a run on the grant thread, now: what a new grant does once its row is committed. */
    public void kick() {
        if (kicked.compareAndSet(false, true)) {
            thread.execute(() -> {
                kicked.set(false);
                try {
                    run();
                } catch (RuntimeException e) {
                    log.warn("Grants run failed; the sweep tries again", e);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${loyalty.grants.sweep-delay:PT1M}", initialDelayString = "${loyalty.grants.sweep-delay:PT1M}")
    void sweep() {
        jobSwitch.onSchedule(this);
    }

    /** A run cut short here leaves its grant RUNNING: the next run, here or elsewhere, resumes it. */
    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
