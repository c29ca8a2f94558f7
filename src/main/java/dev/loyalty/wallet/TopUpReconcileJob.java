package dev.loyalty.wallet;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.wallet.internal.TopUpOrder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute ({@code loyalty.wallet.top-up-reconcile-cron}) asks WeChat Pay about each top-up order still
 * CREATED 5 minutes after it was made: paid ones are credited as their notify would have been (once), unpaid ones
 * older than 30 minutes are closed. Answers the orders settled (credited or closed).
 */
@Component
class TopUpReconcileJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(TopUpReconcileJob.class);
    private static final int BATCH = 100;

    private final TopUpOrders orders;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;

    TopUpReconcileJob(TopUpOrders orders, JobLock jobLock, JobSwitch jobSwitch) {
        this.orders = orders;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
    }

    @Override
    public String name() {
        return "wallet-top-up-reconcile";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::reconcile);
    }

    @Scheduled(cron = "${loyalty.wallet.top-up-reconcile-cron:0 * * * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void everyMinute() {
        jobSwitch.onSchedule(this);
    }

    long reconcile() {
        long settled = 0;
        long after = 0;
        for (List<TopUpOrder> batch = orders.unpaid(after, BATCH); !batch.isEmpty(); batch = orders.unpaid(after, BATCH)) {
            for (TopUpOrder order : batch) {
                try {
                    settled += orders.reconcile(order) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Top-up order {} stays CREATED, reconciling failed: {}", order.getOrderNo(), e.toString());
                }
            }
            after = batch.get(batch.size() - 1).getId();
        }
        return settled;
    }
}
