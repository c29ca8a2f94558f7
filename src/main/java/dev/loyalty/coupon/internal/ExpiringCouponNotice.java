package dev.loyalty.coupon.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.coupon.CouponChanged;
import dev.loyalty.coupon.CouponStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: tells members about unused coupons that expire within three days, once per coupon (the
 * notification's unique key refuses a second notice, so reruns and other instances add nothing).
 */
@Component
class ExpiringCouponNotice implements Job {

    private static final Duration AHEAD = Duration.ofDays(3);

    private final CouponMapper coupons;
    private final CouponTemplateMapper templates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JobSwitch jobSwitch;
    private final Clock clock;

    ExpiringCouponNotice(CouponMapper coupons, CouponTemplateMapper templates, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, JobSwitch jobSwitch, Clock clock) {
        this.coupons = coupons;
        this.templates = templates;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jobSwitch = jobSwitch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "coupon-expiring-notice";
    }

    @Scheduled(cron = "${loyalty.coupons.expiring-notice-cron:0 0 10 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    @Override
    public long run() {
        Instant now = clock.instant();
        long noticed = 0;
        for (Coupon coupon : coupons.selectList(new LambdaQueryWrapper<Coupon>()
                .eq(Coupon::getStatus, CouponStatus.UNUSED).gt(Coupon::getValidTo, now).le(Coupon::getValidTo, now.plus(AHEAD)))) {
            CouponTemplate template = templates.selectById(coupon.getTemplateId());
            try {
                tx.executeWithoutResult(status -> events.publishEvent(new CouponChanged(coupon.getMemberId(), coupon.getId(),
                        template == null ? null : template.getName(), CouponStatus.UNUSED, "EXPIRING")));
                noticed++;
            } catch (DuplicateKeyException noticedBefore) {
                // this coupon's notice was written by an earlier run
            }
        }
        return noticed;
    }
}
