package dev.loyalty.wallet;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.wallet.internal.WalletRefund;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute ({@code loyalty.wallet.refund-retry-cron}) asks WeChat Pay again about each cash-out refund left
 * PENDING, FAILED or PROCESSING for a minute: sends it again (the same refund number) or asks how it stands.
 * Answers the refunds now SUCCESS.
 */
@Component
class RefundRetryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(RefundRetryJob.class);
    private static final int BATCH = 100;

    private final CashOuts cashOuts;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;

    RefundRetryJob(CashOuts cashOuts, JobLock jobLock, JobSwitch jobSwitch) {
        this.cashOuts = cashOuts;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
    }

    @Override
    public String name() {
        return "wallet-refund-retry";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::retry);
    }

    @Scheduled(cron = "${loyalty.wallet.refund-retry-cron:30 * * * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void everyMinute() {
        jobSwitch.onSchedule(this);
    }

    long retry() {
        long succeeded = 0;
        long after = 0;
        for (List<WalletRefund> batch = cashOuts.due(after, BATCH); !batch.isEmpty(); batch = cashOuts.due(after, BATCH)) {
            for (WalletRefund refund : batch) {
                try {
                    succeeded += cashOuts.retry(refund) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Refund {} not retried: {}", refund.getRefundNo(), e.toString());
                }
            }
            after = batch.get(batch.size() - 1).getId();
        }
        return succeeded;
    }
}
