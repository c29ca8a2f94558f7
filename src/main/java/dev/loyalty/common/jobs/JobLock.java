package dev.loyalty.common.jobs;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a job's work to one instance at a time, under a Redis lock named after the job. A run that
 * finds another in progress waits up to 30 s for it, then gives up and answers 0: the run that holds
 * the lock is doing the work.
 */
@Component
public class JobLock {

    private static final long WAIT_SECONDS = 30;

    private final RedissonClient redisson;

    JobLock(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Runs {@code work} under the job's lock; answers what it processed, or 0 if it did not run. */
    public long runAlone(String jobName, LongSupplier work) {
        RLock lock = redisson.getLock("loyalty:job:" + jobName);
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            return work.getAsLong();
        } finally {
            lock.unlock();
        }
    }
}
