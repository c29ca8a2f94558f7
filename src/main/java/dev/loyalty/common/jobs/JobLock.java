package dev.loyalty.common.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Keeps a job's work to one instance at a time, under a lease in the database named after the job (not
 * in Redis: a job must not run twice at once because Redis went away). A run that finds another in
 * progress waits up to 30 s for it, then gives up and answers 0: the run that holds the lease is doing
 * the work. Should the holder die mid-run, its lease runs out after {@link #LEASE}.
 */
@Component
public class JobLock {

    static final Duration LEASE = Duration.ofMinutes(30);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;

    private final JobLeaseMapper leases;
    private final Clock clock;

    JobLock(JobLeaseMapper leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    /** Runs {@code work} under the job's lease; answers what it processed, or 0 if it did not run. */
    public long runAlone(String jobName, LongSupplier work) {
        String holder = UUID.randomUUID().toString();
        if (!await(jobName, holder)) {
            return 0;
        }
        try {
            return work.getAsLong();
        } finally {
            leases.give(jobName, holder);
        }
    }

    private boolean await(String jobName, String holder) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!take(jobName, holder)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean take(String jobName, String holder) {
        if (leases.take(jobName, holder, clock.instant(), clock.instant().plus(LEASE)) == 1) {
            return true;
        }
        try {
            leases.create(jobName, clock.instant().minus(LEASE));
        } catch (DuplicateKeyException exists) {
            return false;
        }
        return leases.take(jobName, holder, clock.instant(), clock.instant().plus(LEASE)) == 1;
    }
}
