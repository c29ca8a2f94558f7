package dev.loyalty.coupon.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: unused coupons past their validity become EXPIRED (they already read so; this writes it down). */
@Component
class CouponExpiryJob implements Job {

    private final CouponMapper coupons;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    CouponExpiryJob(CouponMapper coupons, JobSwitch jobSwitch, Clock clock) {
        this.coupons = coupons;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "coupon-expiry";
    }

    @Override
    public long run() {
        return coupons.expireAll(clock.instant());
    }

    @Scheduled(cron = "${loyalty.coupons.expiry-cron:0 10 0 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }
}
