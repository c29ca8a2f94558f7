package dev.loyalty.wallet;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.wallet.internal.WalletBonusExpiry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily (at {@code loyalty.wallet.bonus-expiry-cron}, business zone) lapses the unused part of every expiring
 * bonus credit that is due, each in its own transaction ({@link WalletService#lapse}); under the job's lease,
 * and exactly once per credit however many instances or runs there are. Answers the credits that lapsed.
 */
@Component
class WalletBonusExpiryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(WalletBonusExpiryJob.class);
    private static final int BATCH = 500;

    private final WalletService wallets;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;

    WalletBonusExpiryJob(WalletService wallets, JobLock jobLock, JobSwitch jobSwitch) {
        this.wallets = wallets;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
    }

    @Override
    public String name() {
        return "wallet-bonus-expiry";
    }

    @Override
    public long run() {
        return jobLock.runAlone(name(), this::lapseDue);
    }

    @Scheduled(cron = "${loyalty.wallet.bonus-expiry-cron:0 15 0 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    /** Every due credit, oldest ledger row first; what one run lapsed another finds LAPSED and leaves. */
    long lapseDue() {
        long lapsed = 0;
        long after = 0;
        for (List<WalletBonusExpiry> batch = wallets.dueExpiries(after, BATCH); !batch.isEmpty();
                batch = wallets.dueExpiries(after, BATCH)) {
            for (WalletBonusExpiry credit : batch) {
                try {
                    lapsed += wallets.lapse(credit) >= 0 ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Bonus credit {} stays open, lapsing failed: {}", credit.getEntryId(), e.toString());
                }
            }
            after = batch.get(batch.size() - 1).getEntryId();
        }
        return lapsed;
    }
}
