package dev.loyalty.rebate;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.counter.CounterService;
import dev.loyalty.rebate.internal.RebateReminderMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily (at {@code loyalty.rebates.reminder-cron}, business zone): in the last {@code remindDaysBefore} days of
 * the current period, every member whose spend this period is below a tier and within
 * {@code remindWithinCents} of the next one is told how much more spend reaches which rate by which date
 * (a {@code rebate-reminder} message through the notification channels). One per member and period: the
 * {@code rebate_reminder} row (unique member and period) is inserted first and the message's outbox row is
 * written in the same transaction, so a second run or instance hits the key and sends nothing.
 */
@Component
class RebateReminderJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(RebateReminderJob.class);

    private final RebateService rebates;
    private final CounterService counter;
    private final RebateReminderMapper reminders;
    private final ApplicationEventPublisher events;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final Clock clock;
    private final TransactionTemplate tx;

    RebateReminderJob(RebateService rebates, CounterService counter, RebateReminderMapper reminders,
            ApplicationEventPublisher events, JobLock jobLock, JobSwitch jobSwitch, Clock clock,
            PlatformTransactionManager transactions) {
        this.rebates = rebates;
        this.counter = counter;
        this.reminders = reminders;
        this.events = events;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "rebate-reminders";
    }

    /** Answers how many members were reminded by this run. */
    @Override
    public long run() {
        return jobLock.runAlone(name(), this::remindNow);
    }

    @Scheduled(cron = "${loyalty.rebates.reminder-cron:0 0 11 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    /** The work of one run, without the job's lease (the unique key alone keeps it to one per member and period). */
    long remindNow() {
        RebatePolicyView policy = rebates.policy();
        if (!policy.reminds()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        Period current = Period.containing(today, policy.periodType());
        LocalDate lastDay = current.afterLast().minusDays(1);
        if (today.isBefore(current.afterLast().minusDays(policy.remindDaysBefore()))) {
            return 0;
        }
        Map<Long, Long> spend = counter.netSpendBetween(current.from(clock.getZone()), current.to(clock.getZone()));
        long reminded = 0;
        for (Map.Entry<Long, Long> member : spend.entrySet()) {
            long spent = member.getValue();
            Optional<RebatePolicyView.Tier> next = policy.nextTierAfter(spent);
            if (next.isEmpty() || next.get().thresholdCents() - spent > policy.remindWithinCents()) {
                continue;
            }
            RebateReminderDue due = new RebateReminderDue(member.getKey(), current.name(),
                    next.get().thresholdCents() - spent, next.get().thresholdCents(), next.get().ratePercent(), lastDay);
            try {
                tx.executeWithoutResult(status -> {
                    reminders.claim(due.memberId(), due.period(), policy.version(), spent, due.centsToGo(),
                            due.ratePercent(), clock.instant());
                    events.publishEvent(due);
                });
                reminded++;
            } catch (DuplicateKeyException remindedBefore) {
                continue;
            } catch (RuntimeException e) {
                log.warn("Rebate reminder to member {} for {} failed: {}", due.memberId(), due.period(), e.toString());
            }
        }
        return reminded;
    }
}
