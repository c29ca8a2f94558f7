package dev.loyalty.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.IntegrationTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JobLockTest extends IntegrationTest {

    @Autowired
    JobLock jobLock;

    @Test
    void runsOfOneJobNeverOverlapAndEachWaitingRunGetsItsTurn() throws Exception {
        String job = "overlap-" + System.nanoTime();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(threads.submit(() -> jobLock.runAlone(job, () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return 1;
                })));
            }
            long ran = 0;
            for (Future<Long> run : runs) {
                ran += run.get();
            }
            assertThat(mostAtOnce).hasValue(1);
            assertThat(ran).isEqualTo(6);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOverOnceItRunsOut() {
        String job = "orphaned-" + System.nanoTime();
        jdbc.update("INSERT INTO job_lease (name, holder, lease_until) VALUES (?, 'a-dead-instance', ?)", job,
                Timestamp.from(clock.instant().minusSeconds(1)));

        assertThat(jobLock.runAlone(job, () -> 7)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT holder FROM job_lease WHERE name = ?", String.class, job)).isNull();
    }
}
