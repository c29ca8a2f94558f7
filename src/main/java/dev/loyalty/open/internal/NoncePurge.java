package dev.loyalty.open.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.open.ApiKeyService;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nonces matter for 10 minutes (a request's timestamp is good for 5 either side); every minute the older ones
 * go. Deleting by age is the same on every instance, so it needs no lock.
 */
@Component
class NoncePurge implements Job {

    private final NonceMapper nonces;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    NoncePurge(NonceMapper nonces, JobSwitch jobSwitch, Clock clock) {
        this.nonces = nonces;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "open-nonce-purge";
    }

    @Scheduled(cron = "30 * * * * *")
    void everyMinute() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        return nonces.purge(clock.instant().minus(ApiKeyService.NONCE_LIFETIME));
    }
}
