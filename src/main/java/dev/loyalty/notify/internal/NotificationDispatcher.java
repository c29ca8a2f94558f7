package dev.loyalty.notify.internal;

import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.member.MemberService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers outbox rows as official-account template messages. A row is claimed by a compare-and-set
 * before sending, so with several instances each row is sent by one; a sender that dies mid-send leaves
 * its claim to go stale ({@code loyalty.notify.claim-timeout}), and the sweeper takes it over. Errcode -1
 * and network errors retry with
 * exponential backoff up to {@code loyalty.notify.max-attempts}, then FAILED; 40001/42001 refresh the
 * access token and retry once at once; 43004 (unfollowed) marks the follower and SKIPs.
 */
@Component
class NotificationDispatcher implements Job, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final NotificationMapper notifications;
    private final FollowerMapper followers;
    private final MemberService members;
    private final WxMpService officialAccount;
    private final Clock clock;
    private final JobSwitch jobSwitch;
    private final Map<String, String> templateIds;
    private final String[] keywords;
    private final String miniAppId;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration claimTimeout;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), new ThreadPoolExecutor.DiscardPolicy());

    NotificationDispatcher(NotificationMapper notifications, FollowerMapper followers, MemberService members,
            WxMpService officialAccount, Clock clock, JobSwitch jobSwitch,
            @Value("${wx.mp.template.points-changed:}") String pointsTemplate,
            @Value("${wx.mp.template.wallet-changed:}") String walletTemplate,
            @Value("${wx.mp.template.coupon-changed:}") String couponTemplate,
            @Value("${wx.mp.template.level-changed:}") String levelTemplate,
            @Value("${loyalty.notify.keywords:keyword1,keyword2,keyword3}") String keywords,
            @Value("${wx.miniapp.appid:}") String miniAppId,
            @Value("${loyalty.notify.max-attempts:6}") int maxAttempts,
            @Value("${loyalty.notify.retry-base:PT5S}") Duration retryBase,
            @Value("${loyalty.notify.claim-timeout:PT2M}") Duration claimTimeout) {
        this.notifications = notifications;
        this.followers = followers;
        this.members = members;
        this.officialAccount = officialAccount;
        this.clock = clock;
        this.jobSwitch = jobSwitch;
        this.templateIds = Map.of("POINTS_CHANGED", pointsTemplate, "WALLET_CHANGED", walletTemplate,
                "COUPON_CHANGED", couponTemplate, "LEVEL_CHANGED", levelTemplate);
        this.keywords = keywords.split(",");
        this.miniAppId = miniAppId;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.claimTimeout = claimTimeout;
    }

    /** After a commit: send on a sender thread; if they are all busy, the sweeper will. */
    void sendSoon(long id) {
        senders.execute(() -> deliver(id));
    }

    @Override
    public String name() {
        return "notify-retry";
    }

    /** Sends every due row (retries, and rows whose sender died), batch by batch; answers how many it claimed. */
    @Override
    public long run() {
        long claimed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<Long> due = notifications.due(clock.instant(), clock.instant().minus(claimTimeout), BATCH);
            long claimedNow = 0;
            for (long id : due) {
                claimedNow += deliver(id) ? 1 : 0;
            }
            claimed += claimedNow;
            if (due.size() < BATCH || claimedNow == 0) {
                break;
            }
        }
        return claimed;
    }

    @Scheduled(fixedDelayString = "${loyalty.notify.sweep-delay:PT10S}")
    void sweep() {
        jobSwitch.onSchedule(this);
    }

    /** Claims and sends one row; false when another sender has it or it is not due. */
    boolean deliver(long id) {
        Instant now = clock.instant();
        if (notifications.claim(id, now, now.minus(claimTimeout)) != 1) {
            return false;
        }
        Notification notification = notifications.selectById(id);
        try {
            Optional<Follower> follower = members.unionid(notification.getMemberId()).flatMap(followers::subscribedByUnionid);
            String templateId = templateIds.getOrDefault(notification.getKind(), "");
            if (follower.isEmpty()) {
                finish(notification, "SKIPPED", "the member does not follow the official account", null, null);
            } else if (templateId.isBlank()) {
                finish(notification, "SKIPPED", "no template configured for " + notification.getKind(), null, null);
            } else {
                send(notification, follower.get().getMpOpenid(), templateId);
            }
        } catch (RuntimeException e) {
            log.warn("Notification {} could not be delivered: {}", id, e.toString());
            retryOrFail(notification, null, e.toString());
        }
        return true;
    }

    private void send(Notification notification, String openid, String templateId) {
        WxMpTemplateMessage message = WxMpTemplateMessage.builder()
                .toUser(openid)
                .templateId(templateId)
                .miniProgram(new WxMpTemplateMessage.MiniProgram(miniAppId, notification.getPage(), false))
                .build();
        message.addData(new WxMpTemplateData(keywords[0], notification.getChangeText()));
        message.addData(new WxMpTemplateData(keywords[1], notification.getBalanceText()));
        message.addData(new WxMpTemplateData(keywords[2], notification.getCreatedAt().atZone(clock.getZone())
                .toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        try {
            officialAccount.getTemplateMsgService().sendTemplateMsg(message);
            finish(notification, "SENT", null, openid, clock.instant());
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (code == 40001 || code == 42001) {
                resendWithFreshToken(notification, message, openid);
            } else if (code == 43004) {
                followers.markSubscribed(openid, false, clock.instant());
                finish(notification, "SKIPPED", "the follower unfollowed (43004)", openid, null);
            } else {
                retryOrFail(notification, openid, "errcode " + code + " " + e.getError().getErrorMsg());
            }
        } catch (WxRuntimeException e) {
            retryOrFail(notification, openid, "network: " + e.getMessage());
        }
    }

    private void resendWithFreshToken(Notification notification, WxMpTemplateMessage message, String openid) {
        try {
            officialAccount.getAccessToken(true);
            officialAccount.getTemplateMsgService().sendTemplateMsg(message);
            finish(notification, "SENT", null, openid, clock.instant());
        } catch (WxErrorException | WxRuntimeException e) {
            retryOrFail(notification, openid, "after a token refresh: " + e.getMessage());
        }
    }

    private void retryOrFail(Notification notification, String openid, String error) {
        String trimmed = error.length() > 250 ? error.substring(0, 250) : error;
        if (notification.getAttempts() >= maxAttempts) {
            finish(notification, "FAILED", trimmed, openid, null);
            return;
        }
        Duration wait = retryBase.multipliedBy(1L << Math.min(notification.getAttempts() - 1, 10));
        notifications.finish(notification.getId(), notification.getClaimedAt(), "PENDING", trimmed, openid, null,
                clock.instant().plus(wait));
    }

    private void finish(Notification notification, String status, String error, String openid, Instant sentAt) {
        notifications.finish(notification.getId(), notification.getClaimedAt(), status, error, openid, sentAt,
                notification.getNextAttemptAt());
    }

    /** Queued sends are dropped on shutdown: their rows stay PENDING and the next sweeper sends them. */
    @Override
    public void destroy() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }
}
