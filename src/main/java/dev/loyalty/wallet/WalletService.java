package dev.loyalty.wallet;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.StoreScope;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.OrderConflictException;
import dev.loyalty.counter.PurchasePaidBy;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.wallet.internal.TopUpOrder;
import dev.loyalty.wallet.internal.TopUpOrderMapper;
import dev.loyalty.wallet.internal.WalletAccount;
import dev.loyalty.wallet.internal.WalletAccountMapper;
import dev.loyalty.wallet.internal.WalletBonusExpiry;
import dev.loyalty.wallet.internal.WalletBonusExpiryMapper;
import dev.loyalty.wallet.internal.WalletCashOut;
import dev.loyalty.wallet.internal.WalletCashOutMapper;
import dev.loyalty.wallet.internal.WalletEntry;
import dev.loyalty.wallet.internal.WalletEntryMapper;
import dev.loyalty.wallet.internal.WalletPlan;
import dev.loyalty.wallet.internal.WalletPlanMapper;
import dev.loyalty.wallet.internal.WalletRefund;
import dev.loyalty.wallet.internal.WalletRefundMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored value. Every change locks the member's wallet row, moves principal and bonus with a guarded
 * update (neither below zero) and appends one ledger row with the balance after it, in one transaction.
 * Top-ups and payments are idempotent per store and order number; a refund per payment.
 *
 * <p>A payment takes principal and bonus in proportion to the two balances, so bonus cannot be cashed
 * out by spending principal first: bonus taken = floor(amount × bonus ÷ balance), principal = the rest.
 * Rounding therefore favours the brand by less than one cent.
 */
@Service
public class WalletService {

    private static final Logger log = LoggerFactory.getLogger(WalletService.class);
    /** WeChat Pay refunds a payment within a year of it only. */
    static final Duration REFUNDABLE_FOR = Duration.ofDays(365);

    private final WalletAccountMapper accounts;
    private final WalletEntryMapper entries;
    private final WalletPlanMapper plans;
    private final WalletBonusExpiryMapper expiries;
    private final TopUpOrderMapper topUpOrders;
    private final WalletCashOutMapper cashOuts;
    private final WalletRefundMapper refunds;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    WalletService(WalletAccountMapper accounts, WalletEntryMapper entries, WalletPlanMapper plans,
            WalletBonusExpiryMapper expiries, TopUpOrderMapper topUpOrders, WalletCashOutMapper cashOuts,
            WalletRefundMapper refunds, CounterService counter, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.entries = entries;
        this.plans = plans;
        this.expiries = expiries;
        this.topUpOrders = topUpOrders;
        this.cashOuts = cashOuts;
        this.refunds = refunds;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    /**
     * Inside a member's deletion: locks their wallet (a top-up or payment of theirs waits until the deletion
     * ends), refuses with {@link WalletNotEmptyException} while it holds any stored value, and closes it, so a
     * top-up that resolved the member's code just before the deletion finds it closed ({@code WALLET_CLOSED}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeEmptyForDeletion(long memberId) {
        WalletAccount account = lock(memberId);
        if (account.balanceCents() != 0) {
            throw new WalletNotEmptyException(memberId, account.balanceCents());
        }
        if (account.getClosedAt() == null) {
            accounts.setClosed(memberId, clock.instant(), clock.instant());
        }
    }

    /** The member's WeChat Pay top-up orders and cash-outs with their refunds, oldest first (their data export). */
    @Transactional(readOnly = true)
    public WalletPayHistory payHistory(long memberId) {
        List<TopUpOrderView> orders = topUpOrders.ofMember(memberId).stream().map(TopUpOrders::toView).toList();
        List<WalletPayHistory.CashOut> outs = cashOuts.ofMember(memberId).stream()
                .map(out -> new WalletPayHistory.CashOut(out.getCreatedAt(), out.getPrincipalCents(),
                        out.getBonusForfeitedCents(), out.getCashCents(), refunds.ofCashOut(out.getId()).stream()
                                .map(r -> new CashOutView.Refund(r.getOrderNo(), r.getRefundNo(), r.getAmountCents(), r.getStatus()))
                                .toList()))
                .toList();
        return new WalletPayHistory(orders, outs);
    }

    /** The member's ledger rows after {@code afterId}, oldest first, at most {@code limit}: for paging through all. */
    @Transactional(readOnly = true)
    public List<WalletLedgerLine> ledgerAfter(long memberId, long afterId, int limit) {
        return entries.selectList(new LambdaQueryWrapper<WalletEntry>()
                        .eq(WalletEntry::getMemberId, memberId).gt(WalletEntry::getId, afterId)
                        .orderByAsc(WalletEntry::getId).last("LIMIT " + limit))
                .stream().map(WalletService::toLine).toList();
    }

    /** Staff took {@code amountCents}; with a plan whose price is exactly that, its bonus is added. */
    public WalletMovement topUp(StaffBinding at, String memberCode, String orderNo, long amountCents, Long planId) {
        String key = "topup:" + at.storeId() + ":" + orderNo;
        Optional<WalletEntry> existing = entries.findByKey(key);
        if (existing.isPresent()) {
            return replayOrder(existing.get(), memberCode, amountCents, e -> e.getPrincipalDeltaCents() == amountCents);
        }
        long memberId = counter.resolveMemberCode(memberCode);
        counter.checkCounterOrder(at, memberId, amountCents);
        long bonus = planId == null ? 0 : bonusOfPlan(planId, amountCents);
        return once(key, e -> e.getMemberId() == memberId && e.getPrincipalDeltaCents() == amountCents, () -> {
            WalletAccount account = requireOpen(lock(memberId));
            counter.spendMemberCode(memberCode, memberId, key);
            WalletEntry entry = write(account, new WalletPosting(WalletEntryType.TOP_UP, amountCents, bonus, key, orderNo, at, planId, null));
            audit.record(at.actor(), "WALLET_TOPPED_UP", "order:" + at.storeId() + ":" + orderNo, null,
                    Map.of("memberId", memberId, "principalCents", amountCents, "bonusCents", bonus));
            return entry;
        });
    }

    /** Pays from the wallet (principal and bonus in proportion); it also counts as a purchase. */
    public WalletMovement pay(StaffBinding at, String memberCode, String orderNo, long amountCents) {
        String key = "pay:" + at.storeId() + ":" + orderNo;
        Optional<WalletEntry> existing = entries.findByKey(key);
        if (existing.isPresent()) {
            return replayOrder(existing.get(), memberCode, amountCents, e -> -e.getDeltaCents() == amountCents);
        }
        long memberId = counter.resolveMemberCode(memberCode);
        counter.checkCounterOrder(at, memberId, amountCents);
        return once(key, e -> e.getMemberId() == memberId && -e.getDeltaCents() == amountCents, () -> {
            WalletAccount account = lock(memberId);
            counter.spendMemberCode(memberCode, memberId, key);
            long balance = account.balanceCents();
            if (balance < amountCents) {
                throw new WalletInsufficientException(memberId, amountCents, balance);
            }
            long bonus = Math.multiplyExact(amountCents, account.getBonusCents()) / balance;
            long principal = amountCents - bonus;
            WalletEntry entry = write(account, WalletPosting.atCounter(WalletEntryType.PAY, -principal, -bonus, key, orderNo, at));
            counter.recordNewPurchaseFor(at, memberId, orderNo, amountCents, PurchasePaidBy.WALLET);
            audit.record(at.actor(), "WALLET_PAID", "order:" + at.storeId() + ":" + orderNo, null,
                    Map.of("memberId", memberId, "principalCents", principal, "bonusCents", bonus));
            return entry;
        });
    }

    /** Puts back exactly the principal and bonus the payment took, and refunds its purchase; twice answers the first. */
    public WalletMovement refundPayment(StaffBinding at, String orderNo) {
        WalletEntry payment = entries.findByKey("pay:" + at.storeId() + ":" + orderNo)
                .orElseThrow(() -> new NotFoundException("Wallet payment", orderNo));
        counter.checkNotSelf(at, payment.getMemberId());
        String key = "refund:" + payment.getId();
        return once(key, e -> payment.getId().equals(e.getReversesId()), () -> {
            WalletAccount account = lock(payment.getMemberId());
            WalletEntry entry = write(account, new WalletPosting(WalletEntryType.REFUND, -payment.getPrincipalDeltaCents(),
                    -payment.getBonusDeltaCents(), key, orderNo, at, null, payment.getId()));
            counter.refundRemainder(at, orderNo);
            audit.record(at.actor(), "WALLET_REFUNDED", "order:" + at.storeId() + ":" + orderNo, null,
                    Map.of("memberId", payment.getMemberId(), "principalCents", -payment.getPrincipalDeltaCents(),
                            "bonusCents", -payment.getBonusDeltaCents()));
            passOnIfClosed(account, "the refund of payment " + orderNo);
            return entry;
        });
    }

    /**
     * Credits a top-up order WeChat Pay says was paid: the order's CREATED (or CLOSED) → PAID flip and the wallet
     * credit (principal the amount, bonus the plan's at order time, ledger type TOP_UP, its order number) in one
     * transaction, under the wallet row lock. However often and at once this runs for one order, one flip wins and
     * credits; every other call finds the order PAID and answers the same ledger row, replayed.
     */
    WalletMovement creditTopUpOrder(TopUpOrder order, String transactionId, Instant paidAt) {
        String key = "wxpay:" + order.getOrderNo();
        long memberId = order.getMemberId();
        long amountCents = order.getAmountCents();
        return once(key, e -> e.getMemberId() == memberId && e.getPrincipalDeltaCents() == amountCents, () -> {
            WalletAccount account = lock(order.getMemberId());
            if (topUpOrders.markPaid(order.getOrderNo(), transactionId, paidAt) != 1) {
                return entries.findByKey(key).orElseThrow(() -> new IllegalStateException("order " + order.getOrderNo()
                        + " is PAID without its ledger row"));
            }
            WalletEntry entry = write(account, new WalletPosting(WalletEntryType.TOP_UP, order.getAmountCents(),
                    order.getBonusCents(), key, order.getOrderNo(), null, order.getPlanId(), null));
            audit.record(new Actor(Actor.Type.MEMBER, order.getMemberId()), "WALLET_TOPPED_UP", "top-up-order:" + order.getOrderNo(),
                    Map.of("status", order.getStatus()),
                    Map.of("status", TopUpOrder.PAID, "memberId", order.getMemberId(), "principalCents", order.getAmountCents(),
                            "bonusCents", order.getBonusCents(), "transactionId", String.valueOf(transactionId)));
            passOnIfClosed(account, "top-up order " + order.getOrderNo());
            return entry;
        });
    }

    /** Adds bonus money the brand gives (a rebate) that never lapses; idempotent on {@code key}. */
    public WalletMovement creditBonus(long memberId, long bonusCents, WalletEntryType type, String key) {
        return creditBonus(memberId, bonusCents, type, key, null);
    }

    /**
     * Adds bonus money the brand gives; with {@code expiresAt} (null: never) its unused part lapses then (see
     * {@link #lapse}). Idempotent on {@code key}: a repeat neither credits nor schedules a second expiry.
     */
    public WalletMovement creditBonus(long memberId, long bonusCents, WalletEntryType type, String key, Instant expiresAt) {
        return once(key, e -> e.getMemberId() == memberId && e.getBonusDeltaCents() == bonusCents, () -> {
            WalletEntry entry = write(requireOpen(lock(memberId)), WalletPosting.bonus(type, bonusCents, key));
            if (expiresAt != null) {
                expiries.add(entry.getId(), memberId, bonusCents, expiresAt);
            }
            return entry;
        });
    }

    /** Open expiring credits due now, after the ledger row {@code afterEntryId}, a batch at a time. */
    List<WalletBonusExpiry> dueExpiries(long afterEntryId, int limit) {
        return expiries.due(clock.instant(), afterEntryId, limit);
    }

    /**
     * Lapses one expiring bonus credit C: removes its unused part from the bonus as a {@code BONUS_EXPIRED}
     * ledger row (principal delta 0, pointing back at C), once. Answers the cents removed (0 when nothing of it
     * was left), or -1 when another run lapsed it.
     *
     * <p>Bonus is fungible, so which bonus a payment used is a rule: bonus is consumed oldest credit first.
     * What is left of the bonus now is then the newest credits, and
     * {@code unused(C) = clamp(bonusNow − Σ bonus credited after C that has not lapsed, 0, C.cents)}, where
     * "credited after C" is every ledger row after C that added bonus (top-up bonus, rebates, adjustments,
     * refunded bonus), less the full cents of later expiring credits that lapsed already (their unused part
     * is no longer in the bonus). Principal is never touched, and bonus credited before C is never taken:
     * under oldest-first it was spent before any of C. The wallet row is locked first, so the balance and the
     * sums are read after every earlier wallet write has committed; the OPEN → LAPSED update and the ledger
     * row's key ({@code bonus-expiry:<C>}) make it exactly once on any number of instances.
     */
    long lapse(WalletBonusExpiry credit) {
        String key = "bonus-expiry:" + credit.getEntryId();
        return RaceRetry.onRace("bonus expiry", () -> tx.execute(status -> {
            WalletAccount account = accounts.lock(credit.getMemberId());
            WalletBonusExpiry now = expiries.selectById(credit.getEntryId());
            if (account == null || now == null || !"OPEN".equals(now.getStatus())) {
                return -1L;
            }
            long laterLive = entries.bonusCreditedAfter(credit.getMemberId(), credit.getEntryId())
                    - expiries.lapsedCreditsAfter(credit.getMemberId(), credit.getEntryId());
            long unused = Math.max(0, Math.min(account.getBonusCents() - laterLive, credit.getCents()));
            Long lapsedEntryId = null;
            if (unused > 0) {
                lapsedEntryId = write(account, new WalletPosting(WalletEntryType.BONUS_EXPIRED, 0, -unused, key, null,
                        null, null, credit.getEntryId())).getId();
            }
            if (expiries.markLapsed(credit.getEntryId(), unused, lapsedEntryId, clock.instant()) != 1) {
                status.setRollbackOnly();
                return -1L;
            }
            audit.record("WALLET_BONUS_EXPIRED", "wallet-entry:" + credit.getEntryId(),
                    Map.of("memberId", credit.getMemberId(), "creditedCents", credit.getCents(), "status", "OPEN"),
                    Map.of("memberId", credit.getMemberId(), "lapsedCents", unused, "status", "LAPSED"));
            return unused;
        }), raceLost -> Optional.of(-1L));
    }

    /** Top-ups (cash taken in and bonus granted), payments and refunds written in [from, to). */
    @Transactional(readOnly = true)
    public WalletFlows flows(Instant from, Instant to) {
        Map<String, Number> row = entries.flows(from, to);
        return new WalletFlows(row.get("top_up").longValue(), row.get("top_up_bonus").longValue(),
                row.get("paid").longValue(), row.get("refunded").longValue());
    }

    /** What all wallets held at {@code at}, principal and bonus apart: the accounts less what was written since. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WalletTotals totalsAt(Instant at) {
        Map<String, Number> now = accounts.totals();
        Map<String, Number> since = entries.netSince(at);
        return new WalletTotals(now.get("principal").longValue() - since.get("principal").longValue(),
                now.get("bonus").longValue() - since.get("bonus").longValue());
    }

    /** The ledger rows written under these idempotency keys (at most one each: the key is unique), by key. */
    @Transactional(readOnly = true)
    public Map<String, KeyedWalletEntry> entriesByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, KeyedWalletEntry> found = new LinkedHashMap<>();
        entries.selectList(new LambdaQueryWrapper<WalletEntry>().in(WalletEntry::getIdempotencyKey, keys))
                .forEach(e -> found.put(e.getIdempotencyKey(), new KeyedWalletEntry(e.getIdempotencyKey(), e.getMemberId(),
                        e.getPrincipalDeltaCents(), e.getBonusDeltaCents())));
        return found;
    }

    @Transactional(readOnly = true)
    public WalletView wallet(long memberId) {
        WalletAccount account = accounts.selectById(memberId);
        return account == null ? new WalletView(0, 0, 0, false)
                : new WalletView(account.balanceCents(), account.getPrincipalCents(), account.getBonusCents(),
                        account.getClosedAt() != null);
    }

    @Transactional(readOnly = true)
    public PageResponse<WalletLedgerLine> ledger(long memberId, Page<WalletEntry> page) {
        return PageResponse.from(entries.selectPage(page, new LambdaQueryWrapper<WalletEntry>()
                .eq(WalletEntry::getMemberId, memberId).orderByDesc(WalletEntry::getId)), WalletService::toLine);
    }

    /** Movements made at stores' counters, newest first, of one store or all, in [from, to) when given; a store manager's own store. */
    @Transactional(readOnly = true)
    public PageResponse<StoreWalletLine> storeMovements(Long requestedStoreId, Instant from, Instant to, Page<WalletEntry> page) {
        Long storeId = StoreScope.visible(requestedStoreId);
        return PageResponse.from(entries.selectPage(page, new LambdaQueryWrapper<WalletEntry>()
                .isNotNull(WalletEntry::getStoreId)
                .eq(storeId != null, WalletEntry::getStoreId, storeId)
                .ge(from != null, WalletEntry::getCreatedAt, from)
                .lt(to != null, WalletEntry::getCreatedAt, to)
                .orderByDesc(WalletEntry::getCreatedAt).orderByDesc(WalletEntry::getId)),
                e -> new StoreWalletLine(e.getId(), e.getMemberId(), e.getType(), e.getDeltaCents(),
                        e.getPrincipalDeltaCents(), e.getBonusDeltaCents(), e.getOrderNo(), e.getStoreId(),
                        e.getStaffMemberId(), e.getCreatedAt()));
    }

    @Transactional(readOnly = true)
    public List<WalletPlanView> plans(boolean enabledOnly) {
        return plans.selectList(new LambdaQueryWrapper<WalletPlan>()
                        .eq(enabledOnly, WalletPlan::getEnabled, true).orderByAsc(WalletPlan::getPayCents))
                .stream().map(WalletService::toView).toList();
    }

    @Transactional
    public WalletPlanView createPlan(String name, long payCents, long bonusCents, boolean enabled) {
        WalletPlan plan = new WalletPlan();
        plan.setName(name);
        plan.setPayCents(payCents);
        plan.setBonusCents(bonusCents);
        plan.setEnabled(enabled);
        plan.setCreatedAt(clock.instant());
        plans.insert(plan);
        WalletPlanView view = toView(plan);
        audit.record("WALLET_PLAN_CREATED", "wallet-plan:" + plan.getId(), null, view);
        return view;
    }

    /** Changes a plan; one switched off is no longer offered, and top-ups naming it are refused. */
    @Transactional
    public WalletPlanView updatePlan(long id, String name, long payCents, long bonusCents, boolean enabled) {
        WalletPlan plan = plans.selectById(id);
        if (plan == null) {
            throw new NotFoundException("Wallet plan", id);
        }
        WalletPlanView before = toView(plan);
        plan.setName(name);
        plan.setPayCents(payCents);
        plan.setBonusCents(bonusCents);
        plan.setEnabled(enabled);
        plans.updateById(plan);
        WalletPlanView after = toView(plan);
        audit.record("WALLET_PLAN_CHANGED", "wallet-plan:" + id, before, after);
        return after;
    }

    private long bonusOfPlan(long planId, long amountCents) {
        WalletPlan plan = plans.selectById(planId);
        if (plan == null || !plan.getEnabled()) {
            throw new InvalidRequestException("planId", "no such plan on offer");
        }
        if (plan.getPayCents() != amountCents) {
            throw new InvalidRequestException("amountCents", "plan " + planId + " takes exactly " + plan.getPayCents() + " cents");
        }
        return plan.getBonusCents();
    }

    private WalletMovement once(String key, Predicate<WalletEntry> samePayload, Supplier<WalletEntry> write) {
        try {
            return RaceRetry.onRace("wallet movement", () -> toMovement(tx.execute(status -> write.get()), false),
                    raceLost -> entries.findByKey(key).map(winner -> replay(winner, samePayload, key)));
        } catch (LoyaltyException refused) {
            // a repeat of a payment that already went through can fail its checks the second time
            Optional<WalletEntry> first = entries.findByKey(key);
            if (first.isPresent()) {
                return replay(first.get(), samePayload, key);
            }
            throw refused;
        }
    }

    private WalletMovement replay(WalletEntry first, Predicate<WalletEntry> samePayload, String key) {
        if (!samePayload.test(first)) {
            throw new IdempotencyConflictException(key);
        }
        return toMovement(first, true);
    }

    private WalletMovement replayOrder(WalletEntry entry, String memberCode, long amountCents, Predicate<WalletEntry> sameAmount) {
        if (!sameAmount.test(entry)) {
            throw new OrderConflictException(entry.getOrderNo());
        }
        try {
            if (counter.resolveMemberCode(memberCode) != entry.getMemberId()) {
                throw new OrderConflictException(entry.getOrderNo());
            }
        } catch (dev.loyalty.counter.MemberCodeInvalidException expiredSinceTheFirstTry) {
            // the till retried with the code it scanned the first time; the amount matched
        }
        return toMovement(entry, true);
    }

    /**
     * Money that reached a closed wallet (a top-up order paid after its cash-out or its member's deletion, the refund of
     * an earlier wallet payment) does not stay there: in the same transaction it is cashed out again, by the system,
     * back to WeChat Pay top-ups or as cash at a counter; the refund-retry job sends the refunds.
     */
    private void passOnIfClosed(WalletAccount lockedBefore, String what) {
        if (lockedBefore.getClosedAt() == null) {
            return;
        }
        log.warn("{} reached member {}'s closed wallet: cashed out again at once", what, lockedBefore.getMemberId());
        cashOutLocked(accounts.selectById(lockedBefore.getMemberId()), Actor.SYSTEM);
    }

    /** Refuses a closed (cashed-out) wallet: {@code 409 WALLET_CLOSED}. */
    void requireOpen(long memberId) {
        WalletAccount account = accounts.selectById(memberId);
        if (account != null) {
            requireOpen(account);
        }
    }

    private static WalletAccount requireOpen(WalletAccount account) {
        if (account.getClosedAt() != null) {
            throw new WalletClosedException(account.getMemberId());
        }
        return account;
    }

    /** What a cash-out would do now, writing nothing. */
    @Transactional(readOnly = true)
    public CashOutView previewCashOut(long memberId) {
        WalletAccount account = accounts.selectById(memberId);
        if (account == null) {
            return new CashOutView(0, 0, List.of(), 0, false);
        }
        if (account.getClosedAt() != null) {
            return new CashOutView(0, 0, List.of(), 0, true);
        }
        List<CashOutView.Refund> planned = new ArrayList<>();
        long cash = planRefunds(memberId, account.getPrincipalCents(),
                (order, cents) -> planned.add(new CashOutView.Refund(order.getOrderNo(), null, cents, "PLANNED")));
        return new CashOutView(account.getPrincipalCents(), account.getBonusCents(), planned, cash, false);
    }

    /**
     * Cashes the wallet out and closes it, in one transaction under the wallet row lock (a payment waits, then finds
     * an empty, closed wallet): the bonus is forfeited ({@code BONUS_FORFEITED}), the principal leaves
     * ({@code CASH_OUT}), a refund is written PENDING for each WeChat Pay top-up it goes back to (the caller asks WeChat
     * Pay after the commit), the rest is cash at the counter. An empty wallet is just closed. A closed wallet:
     * {@code 409 WALLET_CLOSED}. Audited with {@code actor} (the member, or the operator).
     */
    CashOutView cashOut(long memberId, Actor actor) {
        return tx.execute(status -> cashOutLocked(requireOpen(lock(memberId)), actor));
    }

    /**
     * The cash-out itself, on a wallet row this transaction has locked: open (a member's or an operator's cash-out), or
     * already closed (money that reached a closed wallet goes straight back out the same way).
     */
    private CashOutView cashOutLocked(WalletAccount account, Actor actor) {
        long memberId = account.getMemberId();
        long principal = account.getPrincipalCents();
        long bonus = account.getBonusCents();
        WalletCashOut cashOut = new WalletCashOut();
        cashOut.setMemberId(memberId);
        cashOut.setPrincipalCents(principal);
        cashOut.setBonusForfeitedCents(bonus);
        cashOut.setRefundedCents(0L);
        cashOut.setCashCents(0L);
        cashOut.setActorType(actor.type().name());
        cashOut.setActorId(actor.id());
        cashOut.setCreatedAt(clock.instant());
        cashOuts.insert(cashOut);
        List<CashOutView.Refund> written = new ArrayList<>();
        long cash = planRefunds(memberId, principal, (order, cents) -> {
            WalletRefund refund = new WalletRefund();
            refund.setCashOutId(cashOut.getId());
            refund.setMemberId(memberId);
            refund.setRefundNo("RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 26));
            refund.setOrderNo(order.getOrderNo());
            refund.setAmountCents(cents);
            refund.setOrderTotalCents(order.getAmountCents());
            refund.setStatus(WalletRefund.PENDING);
            refund.setAttempts(0);
            refund.setCreatedAt(clock.instant());
            refund.setUpdatedAt(clock.instant());
            refunds.insert(refund);
            written.add(new CashOutView.Refund(order.getOrderNo(), refund.getRefundNo(), cents, WalletRefund.PENDING));
        });
        cashOut.setRefundedCents(principal - cash);
        cashOut.setCashCents(cash);
        cashOuts.updateById(cashOut);
        String key = "cash-out:" + cashOut.getId();
        if (bonus > 0) {
            write(account, new WalletPosting(WalletEntryType.BONUS_FORFEITED, 0, -bonus, key + ":bonus", null, null, null, null));
            account = accounts.selectById(memberId);
        }
        if (principal > 0) {
            write(account, new WalletPosting(WalletEntryType.CASH_OUT, -principal, 0, key, null, null, null, null));
        }
        if (account.getClosedAt() == null) {
            accounts.setClosed(memberId, clock.instant(), clock.instant());
        }
        CashOutView view = new CashOutView(principal, bonus, written, cash, true);
        audit.record(actor, "WALLET_CASHED_OUT", "member:" + memberId, Map.of("principalCents", principal,
                "bonusCents", bonus, "closed", account.getClosedAt() != null), view);
        return view;
    }

    /** An operator reopens a closed wallet; an open one answers as it is. */
    public WalletView reopen(long memberId) {
        tx.executeWithoutResult(status -> {
            WalletAccount account = lock(memberId);
            if (account.getClosedAt() != null) {
                accounts.setClosed(memberId, null, clock.instant());
                audit.record("WALLET_REOPENED", "member:" + memberId, Map.of("closed", true), Map.of("closed", false));
            }
        });
        return wallet(memberId);
    }

    /**
     * Spreads {@code principal} over the member's WeChat Pay top-ups paid within a year, newest first, each up to what
     * refunds have not taken of it yet; answers what is left (cash).
     */
    private long planRefunds(long memberId, long principal, BiConsumer<TopUpOrder, Long> refund) {
        long left = principal;
        for (TopUpOrder order : topUpOrders.paidSince(memberId, clock.instant().minus(REFUNDABLE_FOR))) {
            if (left <= 0) {
                break;
            }
            long refundable = order.getAmountCents() - refunds.refundedOf(order.getOrderNo());
            long cents = Math.min(refundable, left);
            if (cents > 0) {
                refund.accept(order, cents);
                left -= cents;
            }
        }
        return left;
    }

    private WalletAccount lock(long memberId) {
        WalletAccount account = accounts.lock(memberId);
        if (account != null) {
            return account;
        }
        WalletAccount created = WalletAccount.empty(memberId, clock.instant());
        accounts.insert(created);
        return created;
    }

    private WalletEntry write(WalletAccount account, WalletPosting posting) {
        Instant now = clock.instant();
        if (accounts.move(account.getMemberId(), posting.principalCents(), posting.bonusCents(), now) != 1) {
            throw new WalletInsufficientException(account.getMemberId(), -posting.deltaCents(), account.balanceCents());
        }
        WalletEntry entry = new WalletEntry();
        entry.setMemberId(account.getMemberId());
        entry.setType(posting.type());
        entry.setDeltaCents(posting.deltaCents());
        entry.setPrincipalDeltaCents(posting.principalCents());
        entry.setBonusDeltaCents(posting.bonusCents());
        entry.setBalanceAfterCents(account.balanceCents() + posting.deltaCents());
        entry.setIdempotencyKey(posting.key());
        entry.setOrderNo(posting.orderNo());
        entry.setStoreId(posting.at() == null ? null : posting.at().storeId());
        entry.setStaffMemberId(posting.at() == null ? null : posting.at().memberId());
        entry.setPlanId(posting.planId());
        entry.setReversesId(posting.reversesId());
        entry.setCreatedAt(now);
        entries.add(entry);
        events.publishEvent(new WalletChanged(entry.getMemberId(), entry.getId(), entry.getDeltaCents(),
                entry.getBalanceAfterCents(), posting.type()));
        return entry;
    }

    private static WalletMovement toMovement(WalletEntry entry, boolean replayed) {
        return new WalletMovement(entry.getOrderNo(), Math.abs(entry.getPrincipalDeltaCents()),
                Math.abs(entry.getBonusDeltaCents()), entry.getBalanceAfterCents(), replayed);
    }

    private static WalletLedgerLine toLine(WalletEntry e) {
        return new WalletLedgerLine(e.getId(), e.getDeltaCents(), e.getPrincipalDeltaCents(), e.getBonusDeltaCents(),
                e.getBalanceAfterCents(), e.getType(), e.getOrderNo(), e.getStoreId(), e.getCreatedAt());
    }

    private static WalletPlanView toView(WalletPlan plan) {
        return new WalletPlanView(plan.getId(), plan.getName(), plan.getPayCents(), plan.getBonusCents(), plan.getEnabled());
    }
}
