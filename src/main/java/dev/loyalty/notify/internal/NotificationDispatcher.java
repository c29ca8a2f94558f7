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
import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
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
 * Delivers outbox rows by one channel each, never two: an official-account template message when the
 * member has a linked follower and the kind's template is configured, else a Mini Program subscribe
 * message when the member has a grant left for the kind's template (the grant is used), else SKIPPED with
 * the reason. The channel is kept on the row, so a retry goes the same way without another grant.
 *
 * <p>A row is claimed by a compare-and-set before sending, so with several instances each row is sent by
 * one; a sender that dies mid-send leaves its claim to go stale ({@code loyalty.notify.claim-timeout}),
 * and the sweeper takes it over. Errcode -1 and network errors retry with exponential backoff up to
 * {@code loyalty.notify.max-attempts}, then FAILED; 40001/42001 refresh the access token and retry once at
 * once; 43004 (unfollowed) marks the follower and SKIPs; 43101 (the member took the grant back) SKIPs.
 */
@Component
class NotificationDispatcher implements Job, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 100;
    private static final String OFFICIAL_ACCOUNT = "MP";
    private static final String MINI_PROGRAM = "MINIAPP";

    private final NotificationMapper notifications;
    private final FollowerMapper followers;
    private final SubscriptionMapper subscriptions;
    private final MemberService members;
    private final WxMpService officialAccount;
    private final WxMaService miniProgram;
    private final MessageTemplates templates;
    private final Clock clock;
    private final JobSwitch jobSwitch;
    private final String miniAppId;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration claimTimeout;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), new ThreadPoolExecutor.DiscardPolicy());

    NotificationDispatcher(NotificationMapper notifications, FollowerMapper followers, SubscriptionMapper subscriptions,
            MemberService members, WxMpService officialAccount, WxMaService miniProgram, MessageTemplates templates,
            Clock clock, JobSwitch jobSwitch,
            @Value("${wx.miniapp.appid:}") String miniAppId,
            @Value("${loyalty.notify.max-attempts:6}") int maxAttempts,
            @Value("${loyalty.notify.retry-base:PT5S}") Duration retryBase,
            @Value("${loyalty.notify.claim-timeout:PT2M}") Duration claimTimeout) {
        templates.check();
        this.notifications = notifications;
        this.followers = followers;
        this.subscriptions = subscriptions;
        this.members = members;
        this.officialAccount = officialAccount;
        this.miniProgram = miniProgram;
        this.templates = templates;
        this.clock = clock;
        this.jobSwitch = jobSwitch;
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

    /** Claims and sends one row; false when another sender has it or it is not due (or was SKIPPED at once). */
    boolean deliver(long id) {
        Instant now = clock.instant();
        if (notifications.claim(id, now, now.minus(claimTimeout)) != 1) {
            return false;
        }
        Notification notification = notifications.selectById(id);
        MessageKind kind = MessageKind.valueOf(notification.getKind());
        try {
            String channel = notification.getChannel() != null ? notification.getChannel() : choose(notification, kind);
            if (OFFICIAL_ACCOUNT.equals(channel)) {
                Optional<Follower> follower = followerOf(notification.getMemberId());
                if (follower.isEmpty()) {
                    finish(notification, "SKIPPED", "the member no longer follows the official account", null, null);
                } else {
                    sendTemplateMessage(notification, kind, follower.get().getMpOpenid());
                }
            } else if (MINI_PROGRAM.equals(channel)) {
                sendSubscribeMessage(notification, kind);
            } else {
                finish(notification, "SKIPPED", NotificationOutbox.UNREACHABLE, null, null);
            }
        } catch (RuntimeException e) {
            log.warn("Notification {} could not be delivered: {}", id, e.toString());
            retryOrFail(notification, null, e.toString());
        }
        return true;
    }

    /** The one channel this row goes by, kept on the row; a subscribe message uses up one grant here. */
    private String choose(Notification notification, MessageKind kind) {
        long memberId = notification.getMemberId();
        String channel = null;
        if (templates.officialAccount(kind).configured() && followerOf(memberId).isPresent()) {
            channel = OFFICIAL_ACCOUNT;
        } else {
            MessageTemplates.Template subscribe = templates.miniProgram(kind);
            if (subscribe.configured() && subscriptions.useGrant(memberId, subscribe.id(), clock.instant()) == 1) {
                channel = MINI_PROGRAM;
            }
        }
        if (channel != null) {
            notifications.choose(notification.getId(), channel);
        }
        return channel;
    }

    /** The member's follower: linked by member id, or found by unionid (and linked from now on). */
    private Optional<Follower> followerOf(long memberId) {
        Optional<Follower> linked = followers.subscribedByMember(memberId);
        if (linked.isPresent()) {
            return linked;
        }
        Optional<Follower> byUnionid = members.unionid(memberId).flatMap(followers::subscribedByUnionid);
        byUnionid.ifPresent(follower -> followers.link(follower.getMpOpenid(), memberId, clock.instant()));
        return byUnionid;
    }

    private List<Map.Entry<String, String>> data(Notification notification, MessageKind kind, List<String> keys) {
        return TemplateData.fill(keys, slots(notification, kind), clock.getZone());
    }

    /** The row's slots; a row written before slots were kept (an upgrade mid-send) says what it has in words. */
    private static List<TemplateData.Slot> slots(Notification n, MessageKind kind) {
        TemplateData.At at = new TemplateData.At(n.getCreatedAt());
        TemplateData.Text subject = new TemplateData.Text(n.getSubject() != null ? n.getSubject() : n.getChangeText());
        long delta = n.getDelta() == null ? 0 : n.getDelta();
        long balance = n.getBalance() == null ? 0 : n.getBalance();
        return switch (kind) {
            case POINTS_CHANGED -> List.of(subject, new TemplateData.Points(delta, true),
                    new TemplateData.Points(balance, false), at);
            case WALLET_CHANGED -> List.of(subject, new TemplateData.Cents(delta, true),
                    new TemplateData.Cents(balance, false), at);
            case COUPON_CHANGED -> List.of(subject, new TemplateData.Text(n.getDetail()), at);
            case LEVEL_CHANGED -> List.of(subject, at);
            case REBATE_REMINDER -> List.of(subject, new TemplateData.Cents(delta, false), new TemplateData.Text(n.getDetail()));
        };
    }

    private void sendTemplateMessage(Notification notification, MessageKind kind, String openid) {
        MessageTemplates.Template template = templates.officialAccount(kind);
        WxMpTemplateMessage message = WxMpTemplateMessage.builder()
                .toUser(openid)
                .templateId(template.id())
                .miniProgram(new WxMpTemplateMessage.MiniProgram(miniAppId, template.page(), false))
                .build();
        data(notification, kind, template.keys()).forEach(d -> message.addData(new WxMpTemplateData(d.getKey(), d.getValue())));
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

    private void sendSubscribeMessage(Notification notification, MessageKind kind) {
        MessageTemplates.Template template = templates.miniProgram(kind);
        String openid = members.openid(notification.getMemberId());
        WxMaSubscribeMessage message = WxMaSubscribeMessage.builder()
                .toUser(openid)
                .templateId(template.id())
                .page(template.page())
                .data(data(notification, kind, template.keys()).stream()
                        .map(d -> new WxMaSubscribeMessage.MsgData(d.getKey(), d.getValue())).toList())
                .build();
        try {
            miniProgram.getMsgService().sendSubscribeMsg(message);
            finish(notification, "SENT", null, openid, clock.instant());
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (code == 43101) {
                finish(notification, "SKIPPED", "the member withdrew the subscribe-message grant (43101)", openid, null);
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
