package dev.loyalty.notify;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.notify.internal.Follower;
import dev.loyalty.notify.internal.FollowerMapper;
import dev.loyalty.notify.internal.Notification;
import dev.loyalty.notify.internal.NotificationMapper;
import dev.loyalty.notify.internal.SubscriptionMapper;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Followers of the official account, and the notifications operators look after. */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final FollowerMapper followers;
    private final NotificationMapper notifications;
    private final SubscriptionMapper subscriptions;
    private final WxMpService officialAccount;
    private final AuditTrail audit;
    private final Clock clock;
    private final Executor lookups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "follower-lookup");
        thread.setDaemon(true);
        return thread;
    });

    NotificationService(FollowerMapper followers, NotificationMapper notifications, SubscriptionMapper subscriptions,
            WxMpService officialAccount, AuditTrail audit, Clock clock) {
        this.followers = followers;
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.officialAccount = officialAccount;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a follower at once, then asks WeChat for their unionid (the join to a member) in the background. */
    public void followed(String mpOpenid) {
        Follower follower = new Follower();
        follower.setMpOpenid(mpOpenid);
        follower.setSubscribed(true);
        follower.setUpdatedAt(clock.instant());
        try {
            followers.insert(follower);
        } catch (DuplicateKeyException followedBefore) {
            followers.markSubscribed(mpOpenid, true, clock.instant());
        }
        lookups.execute(() -> lookUpUnionid(mpOpenid));
    }

    /** One more accepted subscribe-message grant; answers how many the member has for that template. */
    public int grant(long memberId, String templateId) {
        if (subscriptions.addGrant(memberId, templateId, clock.instant()) == 0) {
            try {
                subscriptions.firstGrant(memberId, templateId, clock.instant());
            } catch (DuplicateKeyException grantedConcurrently) {
                subscriptions.addGrant(memberId, templateId, clock.instant());
            }
        }
        return subscriptions.grants(memberId, templateId);
    }

    public void unfollowed(String mpOpenid) {
        followers.markSubscribed(mpOpenid, false, clock.instant());
    }

    private void lookUpUnionid(String mpOpenid) {
        try {
            WxMpUser user = officialAccount.getUserService().userInfo(mpOpenid);
            if (user != null && user.getUnionId() != null) {
                followers.setUnionid(mpOpenid, user.getUnionId(), clock.instant());
            }
        } catch (Exception e) {
            log.warn("Could not look up the unionid of follower {}: {}", mpOpenid, e.toString());
        }
    }

    @Transactional(readOnly = true)
    public PageResponse<NotificationView> search(String status, Long memberId, Page<Notification> page) {
        return PageResponse.from(notifications.selectPage(page, new LambdaQueryWrapper<Notification>()
                .eq(status != null, Notification::getStatus, status)
                .eq(memberId != null, Notification::getMemberId, memberId)
                .orderByDesc(Notification::getId)), NotificationService::toView);
    }

    /** An operator sends a FAILED or SKIPPED notification again: PENDING, due now, for the sender to pick up. */
    @Transactional
    public NotificationView retry(long id) {
        Notification before = notifications.selectById(id);
        if (before == null) {
            throw new NotFoundException("Notification", id);
        }
        if (notifications.retry(id, clock.instant()) != 1) {
            throw new NotificationNotRetryableException(id, before.getStatus());
        }
        audit.record("NOTIFICATION_RETRIED", "notification:" + id,
                Map.of("status", before.getStatus(), "attempts", before.getAttempts()),
                Map.of("status", "PENDING", "attempts", 0));
        return toView(notifications.selectById(id));
    }

    private static NotificationView toView(Notification n) {
        return new NotificationView(n.getId(), n.getMemberId(), n.getKind(), n.getStatus(), n.getAttempts(),
                n.getLastError(), n.getCreatedAt(), n.getSentAt());
    }
}
