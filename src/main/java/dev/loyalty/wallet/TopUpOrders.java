package dev.loyalty.wallet;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberService;
import dev.loyalty.wallet.internal.TopUpOrder;
import dev.loyalty.wallet.internal.TopUpOrderMapper;
import dev.loyalty.wallet.internal.WalletPlan;
import dev.loyalty.wallet.internal.WalletPlanMapper;
import dev.loyalty.wechat.WeChatPay;
import dev.loyalty.wechat.WeChatPay.PayTrade;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top-ups the member pays with WeChat Pay. An order is written CREATED, then WeChat Pay is asked for a JSAPI
 * prepay; the member pays in the Mini Program and WeChat Pay notifies us. A notify is credited only when it
 * verified (signature, decryption: {@link WeChatPay}) and fits its order: trade state SUCCESS, our merchant id,
 * the order's amount. Crediting flips the order to PAID in the wallet's transaction, so it happens once
 * ({@link WalletService#creditTopUpOrder}). Orders left CREATED are asked after {@link #QUERY_AFTER} and closed
 * after {@link #CLOSE_AFTER} by {@link TopUpReconcileJob}; a notify for a CLOSED order is believed only if WeChat
 * Pay, asked again, says SUCCESS (the member paid in the instant before the close).
 */
@Service
public class TopUpOrders {

    static final Duration QUERY_AFTER = Duration.ofMinutes(5);
    static final Duration CLOSE_AFTER = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(TopUpOrders.class);
    private static final String DESCRIPTION = "储值充值";
    private static final String CNY = "CNY";

    private final TopUpOrderMapper orders;
    private final WalletPlanMapper plans;
    private final WalletService wallets;
    private final WeChatPay pay;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final long maxCents;

    TopUpOrders(TopUpOrderMapper orders, WalletPlanMapper plans, WalletService wallets, WeChatPay pay, MemberService members,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            @Value("${loyalty.counter.max-order-cents:1000000}") long maxCents) {
        this.orders = orders;
        this.plans = plans;
        this.wallets = wallets;
        this.pay = pay;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.maxCents = maxCents;
    }

    /** A new order for a plan (its price, its bonus) or an amount (no bonus), and its JSAPI pay parameters. */
    public TopUpOrderCreated create(long memberId, Long planId, Long amountCents) {
        if ((planId == null) == (amountCents == null)) {
            throw new InvalidRequestException(planId == null ? "amountCents" : "planId", "give exactly one of planId and amountCents");
        }
        wallets.requireOpen(memberId);
        long amount;
        long bonus;
        if (planId != null) {
            WalletPlan plan = plans.selectById(planId);
            if (plan == null || !plan.getEnabled()) {
                throw new InvalidRequestException("planId", "no such plan on offer");
            }
            amount = plan.getPayCents();
            bonus = plan.getBonusCents();
        } else {
            amount = amountCents;
            bonus = 0;
        }
        if (amount < 1 || amount > maxCents) {
            throw new InvalidRequestException(planId == null ? "amountCents" : "planId", "a top-up is 1 to " + maxCents + " cents");
        }
        String openid = members.openid(memberId);
        TopUpOrder order = new TopUpOrder();
        order.setOrderNo("TU" + UUID.randomUUID().toString().replace("-", "").substring(0, 26));
        order.setMemberId(memberId);
        order.setPlanId(planId);
        order.setAmountCents(amount);
        order.setBonusCents(bonus);
        order.setStatus(TopUpOrder.CREATED);
        order.setCreatedAt(clock.instant());
        tx.executeWithoutResult(status -> {
            orders.insert(order);
            audit.record(new Actor(Actor.Type.MEMBER, memberId), "WALLET_TOP_UP_ORDERED", "top-up-order:" + order.getOrderNo(), null,
                    Map.of("memberId", memberId, "amountCents", amount, "bonusCents", bonus, "planId", String.valueOf(planId)));
        });
        WeChatPay.PayParams params = pay.prepay(order.getOrderNo(), amount, openid, DESCRIPTION);
        return new TopUpOrderCreated(order.getOrderNo(), amount, bonus, new TopUpOrderCreated.PayParams(params.timeStamp(),
                params.nonceStr(), params.packageValue(), params.signType(), params.paySign()), pay.sandbox());
    }

    /** One of the member's own orders; another member's is not found. */
    public TopUpOrderView view(long memberId, String orderNo) {
        TopUpOrder order = orders.findByOrderNo(orderNo);
        if (order == null || order.getMemberId() != memberId) {
            throw new NotFoundException("Top-up order", orderNo);
        }
        return toView(order);
    }

    /**
     * A verified payment notify. Credits its order once, or refuses it ({@link PayNotifyRefusedException}) when it
     * does not fit the order; a repeat of a credited notify is fine.
     */
    public TopUpOrderView paid(PayTrade trade) {
        TopUpOrder order = trade.orderNo() == null ? null : orders.findByOrderNo(trade.orderNo());
        if (order == null) {
            throw refused(trade, "unknown order");
        }
        if (!pay.mchId().equals(trade.mchId())) {
            throw refused(trade, "merchant " + trade.mchId() + " is not ours");
        }
        if (!pay.appId().equals(trade.appId())) {
            throw refused(trade, "app " + trade.appId() + " is not ours");
        }
        if (!trade.paid()) {
            throw refused(trade, "trade state " + trade.tradeState());
        }
        if (trade.totalCents() != order.getAmountCents() || !CNY.equals(trade.currency())) {
            throw refused(trade, "amount " + trade.totalCents() + " " + trade.currency() + " is not the order's "
                    + order.getAmountCents() + " " + CNY);
        }
        if (TopUpOrder.CLOSED.equals(order.getStatus())) {
            // we closed it unpaid; believe WeChat Pay's own answer, asked now
            PayTrade asked = pay.query(order.getOrderNo());
            if (!fits(order, asked)) {
                throw refused(trade, "the order is closed and WeChat Pay says " + asked.tradeState());
            }
            log.warn("Top-up order {} was closed unpaid, but WeChat Pay says it was paid: crediting it", order.getOrderNo());
        }
        credit(order, trade);
        return toView(orders.findByOrderNo(order.getOrderNo()));
    }

    /**
     * The reconcile job's pass over one order still CREATED: asked after 5 minutes (paid: credited the notify's way),
     * closed after 30 unpaid. Answers true when the order was settled (credited or closed).
     */
    boolean reconcile(TopUpOrder order) {
        return settle(order, false);
    }

    /**
     * Before a cash-out or a member's deletion: every order of the member still CREATED is settled now, whatever its
     * age: paid ones are credited (so the cash-out refunds them, or the deletion finds money left), unpaid ones closed
     * at WeChat Pay (so no payment can reach the closed wallet later). WeChat Pay unreachable:
     * {@link dev.loyalty.wechat.WxUnavailableException}, and neither happens.
     */
    public void settleOpenOrdersOf(long memberId) {
        for (TopUpOrder order : orders.createdOf(memberId)) {
            settle(order, true);
        }
    }

    private boolean settle(TopUpOrder order, boolean closeNow) {
        PayTrade trade = pay.query(order.getOrderNo());
        if (fits(order, trade)) {
            log.info("Top-up order {} was paid without a notify reaching us: crediting it", order.getOrderNo());
            credit(order, trade);
            return true;
        }
        if (trade.paid()) {
            log.error("Top-up order {}: WeChat Pay says paid, but merchant {} / amount {} do not fit; left for a person",
                    order.getOrderNo(), trade.mchId(), trade.totalCents());
            return false;
        }
        boolean gone = "CLOSED".equals(trade.tradeState()) || "NOT_EXIST".equals(trade.tradeState());
        if (!gone && !closeNow && order.getCreatedAt().isAfter(clock.instant().minus(CLOSE_AFTER))) {
            return false;
        }
        if (!gone) {
            pay.close(order.getOrderNo());
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (orders.markClosed(order.getOrderNo(), clock.instant()) != 1) {
                return false;
            }
            audit.record(Actor.SYSTEM, "WALLET_TOP_UP_CLOSED", "top-up-order:" + order.getOrderNo(),
                    Map.of("status", TopUpOrder.CREATED), Map.of("status", TopUpOrder.CLOSED, "memberId", order.getMemberId()));
            return true;
        }));
    }

    /** Orders still CREATED made before now − 5 minutes, oldest first, a batch after {@code afterId}. */
    List<TopUpOrder> unpaid(long afterId, int limit) {
        return orders.unpaidBefore(clock.instant().minus(QUERY_AFTER), afterId, limit);
    }

    private void credit(TopUpOrder order, PayTrade trade) {
        wallets.creditTopUpOrder(order, trade.transactionId(), trade.successTime() == null ? clock.instant() : trade.successTime());
    }

    private boolean fits(TopUpOrder order, PayTrade trade) {
        return trade.paid() && pay.mchId().equals(trade.mchId()) && pay.appId().equals(trade.appId())
                && trade.totalCents() == order.getAmountCents() && CNY.equals(trade.currency());
    }

    private static PayNotifyRefusedException refused(PayTrade trade, String why) {
        log.warn("WeChat Pay notify for order {} refused, nothing credited: {}", trade.orderNo(), why);
        return new PayNotifyRefusedException(why);
    }

    static TopUpOrderView toView(TopUpOrder order) {
        return new TopUpOrderView(order.getOrderNo(), order.getStatus(), order.getAmountCents(), order.getBonusCents(),
                order.getCreatedAt(), order.getPaidAt());
    }
}
