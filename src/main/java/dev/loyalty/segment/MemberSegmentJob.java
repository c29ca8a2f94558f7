package dev.loyalty.segment;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.counter.CounterService;
import dev.loyalty.member.MemberService;
import dev.loyalty.member.SegmentAssignment;
import dev.loyalty.signin.SignInService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes every member's segment and last active day, a batch of members per transaction. Safe on
 * several instances: the Redis lock keeps a second one from doing the same work, and a run that overlaps
 * another writes the same answers, since each is a function of the data and the day.
 */
@Component
@EnableConfigurationProperties(SegmentWindows.class)
class MemberSegmentJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(MemberSegmentJob.class);
    private static final int BATCH = 500;

    private final MemberService members;
    private final SignInService signIns;
    private final CounterService counter;
    private final SegmentWindows windows;
    private final RedissonClient redisson;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    MemberSegmentJob(MemberService members, SignInService signIns, CounterService counter, SegmentWindows windows,
            RedissonClient redisson, JobSwitch jobSwitch, Clock clock) {
        this.members = members;
        this.signIns = signIns;
        this.counter = counter;
        this.windows = windows;
        this.redisson = redisson;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "member-segments";
    }

    @Scheduled(cron = "${loyalty.segments.cron:0 30 1 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        RLock lock = redisson.getLock("loyalty:job:member-segments");
        boolean locked;
        try {
            locked = lock.tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (!locked) {
            return 0;
        }
        try {
            long processed = segmentEveryone();
            log.info("Member segments recomputed for {} members", processed);
            return processed;
        } finally {
            lock.unlock();
        }
    }

    private long segmentEveryone() {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Instant spendFrom = Segmenter.spendWindowStart(windows, today).atStartOfDay(zone).toInstant();
        Map<Long, Long> spend = counter.netSpendBetween(spendFrom, clock.instant());
        Segmenter segmenter = new Segmenter(windows, today, spend.values());
        long processed = 0;
        long afterId = 0;
        List<Map.Entry<Long, Instant>> batch = members.joinedAfterId(afterId, BATCH);
        while (!batch.isEmpty()) {
            List<Long> ids = batch.stream().map(Map.Entry::getKey).toList();
            Map<Long, LocalDate> lastSignIn = signIns.lastSignInDates(ids);
            Map<Long, Instant> lastPurchase = counter.lastPurchaseTimes(ids);
            List<SegmentAssignment> assignments = new ArrayList<>(batch.size());
            for (Map.Entry<Long, Instant> member : batch) {
                long id = member.getKey();
                LocalDate joinedOn = member.getValue().atZone(zone).toLocalDate();
                LocalDate lastActiveOn = latest(joinedOn, lastSignIn.get(id),
                        lastPurchase.containsKey(id) ? lastPurchase.get(id).atZone(zone).toLocalDate() : null);
                assignments.add(new SegmentAssignment(id,
                        segmenter.segmentOf(joinedOn, lastActiveOn, spend.getOrDefault(id, 0L)), lastActiveOn));
            }
            members.assignSegments(assignments);
            processed += assignments.size();
            afterId = ids.get(ids.size() - 1);
            batch = members.joinedAfterId(afterId, BATCH);
        }
        return processed;
    }

    private static LocalDate latest(LocalDate joinedOn, LocalDate signedIn, LocalDate bought) {
        LocalDate latest = joinedOn;
        for (LocalDate day : new LocalDate[] {signedIn, bought}) {
            if (day != null && day.isAfter(latest)) {
                latest = day;
            }
        }
        return latest;
    }
}
