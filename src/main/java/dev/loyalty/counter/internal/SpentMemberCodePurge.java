package dev.loyalty.counter.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.counter.MemberCodes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spent member codes matter for their 60 seconds of life; the purge keeps the table at about an hour
 * of counter traffic. Deleting by age is the same on every instance, so it needs no lock.
 */
@Component
class SpentMemberCodePurge implements Job {

    private static final Duration KEEP = Duration.ofHours(1);

    private final MemberCodes memberCodes;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    SpentMemberCodePurge(MemberCodes memberCodes, JobSwitch jobSwitch, Clock clock) {
        this.memberCodes = memberCodes;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "member-code-purge";
    }

    @Scheduled(cron = "0 17 * * * *")
    void hourly() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        return memberCodes.purgeSpentBefore(clock.instant().minus(KEEP));
    }
}
