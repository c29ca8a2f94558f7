package dev.loyalty.notify.internal;

import dev.loyalty.coupon.CouponChanged;
import dev.loyalty.member.LevelChanged;
import dev.loyalty.points.PointsChanged;
import dev.loyalty.points.PointsEntryType;
import dev.loyalty.points.PointsSource;
import dev.loyalty.rebate.RebateReminderDue;
import dev.loyalty.wallet.WalletChanged;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns every change into one outbox row, inside the change's own transaction (a plain listener runs in
 * the publisher's transaction): if the change commits, so does its message; if not, neither. After the
 * commit the dispatcher is asked to send it; the change never waits for WeChat. A member nobody can reach
 * (no linked follower, no subscribe-message grant) gets the row SKIPPED at once, and nothing is sent.
 */
@Component
class NotificationOutbox {

    static final String UNREACHABLE = "the member neither follows the official account nor granted a subscribe message";

    private static final Map<PointsSource, String> POINTS_EARNED = Map.of(
            PointsSource.SIGN_IN, "签到奖励", PointsSource.MAKEUP_SIGN_IN, "补签奖励", PointsSource.BIRTHDAY, "生日礼",
            PointsSource.PURCHASE, "消费得积分", PointsSource.REDEEM, "兑换优惠券", PointsSource.REBATE, "返点积分",
            PointsSource.ADMIN, "积分调整", PointsSource.EXPIRY, "积分过期", PointsSource.GRANT, "活动赠送",
            PointsSource.CHECKOUT, "积分抵现");
    private static final Map<String, String> COUPON_CHANGES = Map.of(
            "ISSUED", "已到账", "USED", "已使用", "REVOKED", "已作废", "EXPIRING", "即将过期", "EXPIRED", "已过期",
            "RETURNED", "已退回");

    private final NotificationMapper notifications;
    private final NotificationDispatcher dispatcher;
    private final MessageTemplates templates;
    private final Clock clock;

    NotificationOutbox(NotificationMapper notifications, NotificationDispatcher dispatcher, MessageTemplates templates,
            Clock clock) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.templates = templates;
        this.clock = clock;
    }

    @EventListener
    void on(PointsChanged change) {
        if (change.type() == PointsEntryType.WRITE_OFF) {
            return; // the member deleted their account: there is nobody to tell
        }
        String subject = change.type() == PointsEntryType.REVERSE
                ? (change.source() == PointsSource.PURCHASE ? "退款扣回积分" : "积分退回")
                : POINTS_EARNED.getOrDefault(change.source(), "积分变动");
        record(Notification.of(change.memberId(), MessageKind.POINTS_CHANGED, "points:" + change.entryId(), subject,
                null, change.delta(), change.balance(),
                subject + " " + TemplateData.plain(new TemplateData.Points(change.delta(), true)),
                TemplateData.plain(new TemplateData.Points(change.balance(), false)), clock.instant()));
    }

    @EventListener
    void on(WalletChanged change) {
        String subject = switch (change.type()) {
            case TOP_UP -> "储值充值";
            case PAY -> "储值消费";
            case REFUND -> "储值退款";
            case REBATE -> "返点到账";
            case ADJUST -> "余额调整";
            case BONUS_EXPIRED -> "赠送金过期";
            case CASH_OUT -> "储值退款提现";
            case BONUS_FORFEITED -> "赠送金清零";
        };
        record(Notification.of(change.memberId(), MessageKind.WALLET_CHANGED, "wallet:" + change.entryId(), subject,
                null, change.deltaCents(), change.balanceCents(),
                subject + " " + TemplateData.plain(new TemplateData.Cents(change.deltaCents(), true)),
                TemplateData.yuan(change.balanceCents()), clock.instant()));
    }

    @EventListener
    void on(CouponChanged change) {
        String name = change.name() == null ? "优惠券" : change.name();
        String happened = COUPON_CHANGES.getOrDefault(change.change(), "状态更新");
        record(Notification.of(change.memberId(), MessageKind.COUPON_CHANGED,
                "coupon:" + change.couponId() + ":" + change.change(), name, happened, null, null,
                name + " " + happened, happened, clock.instant()));
    }

    @EventListener
    void on(LevelChanged change) {
        record(Notification.of(change.memberId(), MessageKind.LEVEL_CHANGED,
                "level:" + change.memberId() + ":" + change.toCode() + ":" + change.growth(), change.toName(), null,
                null, change.growth(), "升级为 " + change.toName(), change.growth() + " 成长值", clock.instant()));
    }

    /** "再消费 ¥12.34 享 3% 返点", how much more, and the period's last day ("2026-11-30"). */
    @EventListener
    void on(RebateReminderDue due) {
        String toGo = TemplateData.plain(new TemplateData.Cents(due.centsToGo(), false));
        String subject = "再消费" + toGo + "享" + due.ratePercent() + "%返点";
        record(Notification.of(due.memberId(), MessageKind.REBATE_REMINDER, "rebate-reminder:" + due.memberId() + ":" + due.period(), subject,
                due.lastDay().toString(), due.centsToGo(), due.thresholdCents(),
                "再消费 " + toGo + "（" + due.lastDay() + " 前）可享 " + due.ratePercent() + "% 返点",
                "截止 " + due.lastDay(), clock.instant()));
    }

    private void record(Notification notification) {
        MessageKind kind = MessageKind.valueOf(notification.getKind());
        MessageTemplates.Template officialAccount = templates.officialAccount(kind);
        MessageTemplates.Template miniProgram = templates.miniProgram(kind);
        if (!officialAccount.configured() && !miniProgram.configured()) {
            notifications.addSkipped(notification, "no template is configured for " + kind.configName());
            return;
        }
        notifications.add(notification, officialAccount.configured(), miniProgram.id(), UNREACHABLE);
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
}
