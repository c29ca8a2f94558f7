package dev.loyalty.notify.internal;

import dev.loyalty.coupon.CouponChanged;
import dev.loyalty.member.LevelChanged;
import dev.loyalty.points.PointsChanged;
import dev.loyalty.wallet.WalletChanged;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns every change into one outbox row, inside the change's own transaction (a plain listener runs in
 * the publisher's transaction): if the change commits, so does its message; if not, neither. After the
 * commit the dispatcher is asked to send it; the change never waits for WeChat.
 */
@Component
class NotificationOutbox {

    private final NotificationMapper notifications;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    NotificationOutbox(NotificationMapper notifications, NotificationDispatcher dispatcher, Clock clock) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(PointsChanged change) {
        record(change.memberId(), "POINTS_CHANGED", "points:" + change.entryId(),
                signed(change.delta()) + " 积分（" + change.type() + "）", change.balance() + " 积分", "pages/points/index");
    }

    @EventListener
    void on(WalletChanged change) {
        record(change.memberId(), "WALLET_CHANGED", "wallet:" + change.entryId(),
                (change.deltaCents() >= 0 ? "+" : "-") + yuan(Math.abs(change.deltaCents())) + "（" + change.type() + "）",
                yuan(change.balanceCents()), "pages/wallet/index");
    }

    @EventListener
    void on(CouponChanged change) {
        String name = change.name() == null ? "优惠券" : change.name();
        record(change.memberId(), "COUPON_CHANGED", "coupon:" + change.couponId() + ":" + change.change(),
                name + " " + change.change(), change.status().name(), "pages/coupons/index");
    }

    @EventListener
    void on(LevelChanged change) {
        record(change.memberId(), "LEVEL_CHANGED", "level:" + change.memberId() + ":" + change.toCode() + ":" + change.growth(),
                "升级为 " + change.toName(), change.growth() + " 成长值", "pages/member/index");
    }

    private void record(long memberId, String kind, String sourceKey, String change, String balance, String page) {
        Notification notification = Notification.pending(memberId, kind, sourceKey, change, balance, page, clock.instant());
        notifications.add(notification);
        long id = notification.getId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.sendSoon(id);
                }
            });
        } else {
            dispatcher.sendSoon(id);
        }
    }

    private static String signed(long value) {
        return value >= 0 ? "+" + value : Long.toString(value);
    }

    /** Cents as ¥12.34, by integer arithmetic. */
    static String yuan(long cents) {
        return "¥" + cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
