package dev.loyalty.notify.internal;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobLock;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.member.MemberService;
import dev.loyalty.signin.SignInService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (at {@code loyalty.notify.reminder-cron}, business zone), reminds members who accepted the
 * sign-in reminder and have not signed in today, with a Mini Program subscribe message; each reminder uses
 * up one grant. At most one reminder per member and day, on any number of instances.
 */
@Component
class SignInReminderJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SignInReminderJob.class);
    private static final int BATCH = 500;

    private final SubscriptionMapper subscriptions;
    private final SignInService signIns;
    private final MemberService members;
    private final WxMaService miniProgram;
    private final JobLock jobLock;
    private final JobSwitch jobSwitch;
    private final Clock clock;
    private final String templateId;

    SignInReminderJob(SubscriptionMapper subscriptions, SignInService signIns, MemberService members,
            WxMaService miniProgram, JobLock jobLock, JobSwitch jobSwitch, Clock clock,
            @Value("${wx.miniapp.template.sign-in-reminder:}") String templateId) {
        this.subscriptions = subscriptions;
        this.signIns = signIns;
        this.members = members;
        this.miniProgram = miniProgram;
        this.jobLock = jobLock;
        this.jobSwitch = jobSwitch;
        this.clock = clock;
        this.templateId = templateId;
    }

    @Override
    public String name() {
        return "sign-in-reminder";
    }

    @Scheduled(cron = "${loyalty.notify.reminder-cron:0 0 20 * * *}", zone = "${loyalty.zone:Asia/Shanghai}")
    void daily() {
        jobSwitch.onSchedule(this);
    }

    /** Answers how many reminders were sent. */
    @Override
    public long run() {
        if (templateId.isBlank()) {
            return 0;
        }
        return jobLock.runAlone(name(), this::remindEveryoneNotSignedIn);
    }

    private long remindEveryoneNotSignedIn() {
        LocalDate today = LocalDate.now(clock);
        long sent = 0;
        long after = 0;
        for (List<Long> batch = subscriptions.withGrants(templateId, after, BATCH); !batch.isEmpty();
                batch = subscriptions.withGrants(templateId, after, BATCH)) {
            for (long memberId : batch) {
                sent += remind(memberId, today) ? 1 : 0;
            }
            after = batch.get(batch.size() - 1);
        }
        return sent;
    }

    private boolean remind(long memberId, LocalDate today) {
        if (signIns.status(memberId).signedToday()) {
            return false;
        }
        try {
            subscriptions.claimReminder(memberId, today, clock.instant());
        } catch (DuplicateKeyException remindedToday) {
            return false;
        }
        if (subscriptions.useGrant(memberId, templateId, clock.instant()) != 1) {
            subscriptions.finishReminder(memberId, today, "NO_GRANT");
            return false;
        }
        try {
            miniProgram.getMsgService().sendSubscribeMsg(WxMaSubscribeMessage.builder()
                    .toUser(members.openid(memberId))
                    .templateId(templateId)
                    .page("pages/signin/index")
                    .data(List.of(new WxMaSubscribeMessage.MsgData("thing1", "今天还没有签到，别断了连续签到哦"),
                            new WxMaSubscribeMessage.MsgData("time2", today.toString())))
                    .build());
            subscriptions.finishReminder(memberId, today, "SENT");
            return true;
        } catch (Exception e) {
            log.warn("Sign-in reminder to member {} failed: {}", memberId, e.toString());
            subscriptions.finishReminder(memberId, today, "FAILED");
            return false;
        }
    }
}
