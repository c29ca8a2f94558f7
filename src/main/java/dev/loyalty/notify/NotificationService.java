package dev.loyalty.notify;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.member.MemberIdentified;
import dev.loyalty.member.MemberService;
import dev.loyalty.notify.internal.BindSceneMapper;
import dev.loyalty.notify.internal.Follower;
import dev.loyalty.notify.internal.FollowerMapper;
import dev.loyalty.notify.internal.MessageTemplates;
import dev.loyalty.notify.internal.Notification;
import dev.loyalty.notify.internal.NotificationMapper;
import dev.loyalty.notify.internal.SubscriptionMapper;
import dev.loyalty.points.PointsService;
import dev.loyalty.wallet.WalletService;
import dev.loyalty.wechat.WxUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Followers of the official account and how they are linked to members (by unionid, or by a bind QR code
 * the member scans), subscribe-message grants, and the notifications operators look after.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private static final Duration BIND_CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FollowerMapper followers;
    private final NotificationMapper notifications;
    private final SubscriptionMapper subscriptions;
    private final BindSceneMapper bindScenes;
    private final MessageTemplates templates;
    private final WxMpService officialAccount;
    private final MemberService members;
    private final PointsService points;
    private final WalletService wallets;
    private final CouponMall coupons;
    private final AuditTrail audit;
    private final Clock clock;
    private final Executor lookups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "follower-lookup");
        thread.setDaemon(true);
        return thread;
    });

    NotificationService(FollowerMapper followers, NotificationMapper notifications, SubscriptionMapper subscriptions,
            BindSceneMapper bindScenes, MessageTemplates templates, WxMpService officialAccount, MemberService members,
            PointsService points, WalletService wallets, CouponMall coupons, AuditTrail audit, Clock clock) {
        this.followers = followers;
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.bindScenes = bindScenes;
        this.templates = templates;
        this.officialAccount = officialAccount;
        this.members = members;
        this.points = points;
        this.wallets = wallets;
        this.coupons = coupons;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a follower at once, linked to the member whose bind QR code they followed through
     * ({@code scene}, may be null), then asks WeChat for their unionid (the other join to a member) in the
     * background.
     */
    public void followed(String mpOpenid, String scene) {
        Follower follower = new Follower();
        follower.setMpOpenid(mpOpenid);
        follower.setSubscribed(true);
        follower.setUpdatedAt(clock.instant());
        try {
            followers.insert(follower);
        } catch (DuplicateKeyException followedBefore) {
            followers.markSubscribed(mpOpenid, true, clock.instant());
        }
        if (scene != null) {
            bind(mpOpenid, scene);
        }
        lookups.execute(() -> lookUpUnionid(mpOpenid));
    }

    /** A follower scanned a bind QR code: they are the member who showed it, if the code is fresh and unused. */
    public boolean scanned(String mpOpenid, String scene) {
        if (followers.find(mpOpenid).isEmpty()) {
            followed(mpOpenid, scene);
            return followers.find(mpOpenid).map(Follower::getMemberId).isPresent();
        }
        return bind(mpOpenid, scene);
    }

    private boolean bind(String mpOpenid, String scene) {
        if (bindScenes.use(scene, clock.instant()) != 1) {
            log.info("A bind QR code was scanned after it expired or was used: {}", scene);
            return false;
        }
        long memberId = bindScenes.memberOf(scene);
        followers.link(mpOpenid, memberId, clock.instant());
        followers.unlinkOthers(mpOpenid, memberId);
        return true;
    }

    /**
     * A temporary QR code that links whoever follows (or scans) it to this member: its scene is a one-time
     * random token, good for ten minutes.
     */
    public BindCode bindCode(long memberId) {
        String scene = "bind_" + HexFormat.of().formatHex(randomBytes());
        Instant expiresAt = clock.instant().plus(BIND_CODE_LIFETIME);
        bindScenes.add(scene, memberId, expiresAt);
        try {
            WxMpQrCodeTicket ticket = officialAccount.getQrcodeService()
                    .qrCodeCreateTmpTicket(scene, Math.toIntExact(BIND_CODE_LIFETIME.toSeconds()));
            return new BindCode(ticket.getTicket(), ticket.getUrl(), expiresAt);
        } catch (WxErrorException | WxRuntimeException e) {
            throw new WxUnavailableException("the QR code was not made: " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Whether the member has a follower linked to them who still follows. */
    public boolean linked(long memberId) {
        return followers.subscribedByMember(memberId).isPresent();
    }

    /** The balances a linked follower asks for by keyword; empty when the follower is not linked to a member. */
    public Optional<String> balancesFor(String mpOpenid) {
        return followers.find(mpOpenid).map(Follower::getMemberId).map(memberId -> "积分：" + points.balance(memberId)
                + "\n储值余额：" + yuan(wallets.wallet(memberId).balanceCents())
                + "\n可用优惠券：" + coupons.unusedCount(memberId) + " 张");
    }

    /** The subscribe-message templates the Mini Program asks grants for, by kind; empty when not configured. */
    public Map<String, String> subscribeTemplateIds() {
        return templates.miniapp().templates().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
    }

    @EventListener
    void on(MemberIdentified identified) {
        followers.linkUnionid(identified.unionid(), identified.memberId());
    }

    private static String yuan(long cents) {
        return "¥" + cents / 100 + "." + String.format("%02d", cents % 100);
    }

    public record BindCode(String ticket, String url, Instant expiresAt) {
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
                followers.setUnionid(mpOpenid, user.getUnionId(), members.idByUnionid(user.getUnionId()).orElse(null),
                        clock.instant());
            }
        } catch (Exception e) {
            log.warn("Could not look up the unionid of follower {}: {}", mpOpenid, e.toString());
        }
    }

    /**
     * Retention: deletes the oldest at most {@code limit} notifications written before {@code before}, whatever
     * became of them, in one statement by their ids; answers how many went (fewer than {@code limit}: none are left).
     */
    @Transactional
    public int purgeBefore(Instant before, int limit) {
        List<Long> ids = notifications.writtenBefore(before, limit);
        return ids.isEmpty() ? 0 : notifications.deleteByIds(ids);
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

    /** The follower linked to the member, if any. */
    @Transactional(readOnly = true)
    public Optional<MemberMessages.FollowerBinding> followerOf(long memberId) {
        return followers.selectList(new LambdaQueryWrapper<Follower>().eq(Follower::getMemberId, memberId)).stream()
                .findFirst().map(f -> new MemberMessages.FollowerBinding(f.getMpOpenid(), Boolean.TRUE.equals(f.getSubscribed()),
                        f.getUpdatedAt()));
    }

    /** The member's subscribe-message grants, by template. */
    @Transactional(readOnly = true)
    public List<MemberMessages.Subscription> subscriptionsOf(long memberId) {
        return subscriptions.ofMember(memberId).stream().map(row -> new MemberMessages.Subscription(
                row.getTemplateId(), row.getGrants(), row.getUpdatedAt())).toList();
    }

    /** The member's messages after {@code afterId}, oldest first, at most {@code limit}, with what they said. */
    @Transactional(readOnly = true)
    public List<MemberMessages.Message> messagesAfter(long memberId, long afterId, int limit) {
        return notifications.selectList(new LambdaQueryWrapper<Notification>()
                        .eq(Notification::getMemberId, memberId).gt(Notification::getId, afterId)
                        .orderByAsc(Notification::getId).last("LIMIT " + limit)).stream()
                .map(n -> new MemberMessages.Message(n.getId(), n.getKind(), n.getStatus(), n.getChannel(), n.getSubject(),
                        n.getDetail(), n.getChangeText(), n.getBalanceText(), n.getCreatedAt(), n.getSentAt()))
                .toList();
    }

    /**
     * For a member being deleted, inside the deletion's transaction: unlinks (removes) their follower, removes
     * their subscribe-message grants, reminders and bind codes, and blanks what their messages said. Messages
     * written earlier in the same transaction are blanked too, so run it after every other step.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MemberMessages.Erased erase(long memberId) {
        int unlinked = followers.delete(new LambdaQueryWrapper<Follower>().eq(Follower::getMemberId, memberId));
        int grants = subscriptions.deleteOfMember(memberId);
        subscriptions.deleteRemindersOf(memberId);
        bindScenes.deleteOfMember(memberId);
        int blanked = notifications.erase(memberId);
        return new MemberMessages.Erased(unlinked, grants, blanked);
    }

    private static NotificationView toView(Notification n) {
        return new NotificationView(n.getId(), n.getMemberId(), n.getKind(), n.getStatus(), n.getAttempts(),
                n.getLastError(), n.getCreatedAt(), n.getSentAt());
    }
}
