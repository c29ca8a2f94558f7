package dev.loyalty.wallet;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberService;
import dev.loyalty.wallet.internal.WalletRefund;
import dev.loyalty.wallet.internal.WalletRefundMapper;
import dev.loyalty.wechat.WeChatPay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cash-out: the member's top-up orders still open are settled first (paid ones credited, the rest closed at WeChat
 * Pay, so no payment can land in the closed wallet afterwards); the wallet is emptied and closed in one transaction
 * ({@link WalletService#cashOut}), then WeChat Pay is
 * asked for each refund (v3 refund API, our own {@code out_refund_no}). A refund whose call failed, or that WeChat Pay
 * took but has not confirmed, is asked again by {@link RefundRetryJob} with the same refund number (WeChat Pay
 * refunds one number once); its notify ({@code /wx/pay/refund-notify}) marks it done. Every change of a refund's state
 * is audited ({@code WALLET_REFUND_<status>}, by the system).
 */
@Service
public class CashOuts {

    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(CashOuts.class);
    private static final String REASON = "储值退款";

    private final WalletService wallets;
    private final WalletRefundMapper refunds;
    private final WeChatPay pay;
    private final TopUpOrders topUps;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    CashOuts(WalletService wallets, WalletRefundMapper refunds, WeChatPay pay, TopUpOrders topUps, MemberService members,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.topUps = topUps;
        this.wallets = wallets;
        this.refunds = refunds;
        this.pay = pay;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** An operator reopens a closed wallet; no such member: 404. */
    public WalletView reopen(long memberId) {
        if (!members.exists(memberId)) {
            throw new NotFoundException("Member", memberId);
        }
        return wallets.reopen(memberId);
    }

    public CashOutView preview(long memberId) {
        return wallets.previewCashOut(memberId);
    }

    /** Cashes out and closes the member's wallet, {@code actor} being the member or an operator; no such member: 404. */
    public CashOutView cashOut(long memberId, Actor actor) {
        if (!members.exists(memberId)) {
            throw new NotFoundException("Member", memberId);
        }
        topUps.settleOpenOrdersOf(memberId);
        CashOutView view = wallets.cashOut(memberId, actor);
        List<CashOutView.Refund> sent = view.refunds().stream().map(refund -> {
            WalletRefund row = refunds.findByRefundNo(refund.refundNo());
            return new CashOutView.Refund(refund.orderNo(), refund.refundNo(), refund.amountCents(), send(row));
        }).toList();
        return new CashOutView(view.principalCents(), view.bonusForfeitedCents(), sent, view.cashCents(), view.closed());
    }

    /** A verified refund notify: the refund's state as WeChat Pay says it; an unknown refund is refused. */
    public void refunded(WeChatPay.PayRefund notified) {
        WalletRefund refund = notified.refundNo() == null ? null : refunds.findByRefundNo(notified.refundNo());
        if (refund == null || !pay.mchId().equals(notified.mchId())) {
            log.warn("WeChat Pay refund notify for {} refused: unknown refund or another merchant", notified.refundNo());
            throw new PayNotifyRefusedException("unknown refund");
        }
        record(refund, notified.status(), null, 0);
    }

    /** Asks WeChat Pay about one refund again: sends it again when it was not taken, else asks how it stands. */
    boolean retry(WalletRefund refund) {
        String before = refund.getStatus();
        String after;
        if (WalletRefund.PROCESSING.equals(before)) {
            try {
                after = pay.queryRefund(refund.getRefundNo()).status();
                record(refund, after, null, 0);
            } catch (RuntimeException e) {
                record(refund, WalletRefund.PROCESSING, e.getMessage(), 0);
                return false;
            }
        } else {
            after = send(refund);
        }
        return WalletRefund.SUCCESS.equals(after);
    }

    List<WalletRefund> due(long afterId, int limit) {
        return refunds.due(clock.instant().minus(RETRY_AFTER), afterId, limit);
    }

    private String send(WalletRefund refund) {
        try {
            WeChatPay.PayRefund answer = pay.refund(refund.getOrderNo(), refund.getRefundNo(), refund.getAmountCents(),
                    refund.getOrderTotalCents(), REASON);
            String status = answer.status() == null ? WalletRefund.PROCESSING : answer.status();
            record(refund, status, null, 1);
            return status;
        } catch (RuntimeException e) {
            log.warn("Refund {} of order {} failed, the refund-retry job asks again: {}", refund.getRefundNo(),
                    refund.getOrderNo(), e.toString());
            record(refund, WalletRefund.FAILED, e.getMessage(), 1);
            return WalletRefund.FAILED;
        }
    }

    private void record(WalletRefund refund, String status, String error, int attempted) {
        if ("ABNORMAL".equals(status) || "CLOSED".equals(status)) {
            log.error("Refund {} of order {} ({} cents) is {} at WeChat Pay: pay it back at the counter", refund.getRefundNo(),
                    refund.getOrderNo(), refund.getAmountCents(), status);
        }
        String message = error == null ? null : error.substring(0, Math.min(error.length(), 255));
        tx.executeWithoutResult(done -> {
            WalletRefund before = refunds.findByRefundNo(refund.getRefundNo());
            if (refunds.setStatus(refund.getRefundNo(), status, message, attempted, clock.instant()) == 1
                    && !status.equals(before.getStatus())) {
                audit.record(Actor.SYSTEM, "WALLET_REFUND_" + status, "wallet-refund:" + refund.getRefundNo(),
                        Map.of("status", before.getStatus()), Map.of("status", status, "orderNo", refund.getOrderNo(),
                                "memberId", refund.getMemberId(), "amountCents", refund.getAmountCents()));
            }
        });
    }
}
