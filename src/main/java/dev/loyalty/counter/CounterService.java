package dev.loyalty.counter;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.StoreScope;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.internal.Purchase;
import dev.loyalty.counter.internal.PurchaseMapper;
import dev.loyalty.counter.internal.Staff;
import dev.loyalty.counter.internal.StaffMapper;
import dev.loyalty.counter.internal.Store;
import dev.loyalty.counter.internal.StoreMapper;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.NotReversibleException;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsResult;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores and their staff, and purchases at the counter that earn points. */
@Service
public class CounterService {

    private final StoreMapper stores;
    private final StaffMapper staff;
    private final PurchaseMapper purchases;
    private final MemberCodes memberCodes;
    private final PointsService points;
    private final MemberService members;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final long maxOrderCents;

    CounterService(StoreMapper stores, StaffMapper staff, PurchaseMapper purchases, MemberCodes memberCodes,
            PointsService points, MemberService members, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${loyalty.counter.max-order-cents:1000000}") long maxOrderCents) {
        this.stores = stores;
        this.staff = staff;
        this.purchases = purchases;
        this.memberCodes = memberCodes;
        this.points = points;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.maxOrderCents = maxOrderCents;
    }

    @Transactional
    public StoreView createStore(String name, String address) {
        Store store = Store.of(name, address, clock.instant());
        stores.insert(store);
        StoreView view = toView(store);
        audit.record("STORE_CREATED", "store:" + store.getId(), null, view);
        return view;
    }

    @Transactional(readOnly = true)
    public List<StoreView> stores() {
        Long visible = StoreScope.visible(null);
        return stores.selectList(new LambdaQueryWrapper<Store>().eq(visible != null, Store::getId, visible).orderByAsc(Store::getId))
                .stream().map(CounterService::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<StoreView> store(long id) {
        return Optional.ofNullable(stores.selectById(id)).map(CounterService::toView);
    }

    /**
     * Binds a member to a store's counter (moving them if they worked at another). A store manager binds to
     * their own store only, and cannot take staff from another store.
     */
    @Transactional
    public StaffBinding bindStaff(long memberId, long storeId) {
        StoreScope.requireManaged(storeId);
        if (!members.active(memberId)) {
            throw new NotFoundException("Member", memberId);
        }
        if (stores.selectById(storeId) == null) {
            throw new NotFoundException("Store", storeId);
        }
        Staff existing = staff.selectById(memberId);
        if (existing != null) {
            StoreScope.requireManaged(existing.getStoreId());
        }
        if (existing == null) {
            staff.insert(Staff.of(memberId, storeId, clock.instant()));
        } else {
            existing.setStoreId(storeId);
            staff.updateById(existing);
        }
        StaffBinding binding = new StaffBinding(memberId, storeId);
        audit.record("STAFF_BOUND", "member:" + memberId,
                existing == null ? null : new StaffBinding(memberId, existing.getStoreId()), binding);
        return binding;
    }

    @Transactional
    public void unbindStaff(long memberId) {
        Staff existing = staff.selectById(memberId);
        if (existing == null) {
            throw new NotFoundException("Staff binding of member", memberId);
        }
        StoreScope.requireManaged(existing.getStoreId());
        staff.deleteById(memberId);
        audit.record("STAFF_UNBOUND", "member:" + memberId, new StaffBinding(memberId, existing.getStoreId()), null);
    }

    /**
     * Inside a member's deletion: removes their staff binding, if any, and answers the store it was at (the
     * deletion's own audit entry records it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> unbindDeletedMember(long memberId) {
        Staff existing = staff.selectById(memberId);
        if (existing == null) {
            return Optional.empty();
        }
        staff.deleteById(memberId);
        return Optional.of(existing.getStoreId());
    }

    /** The member's purchases after {@code afterId}, oldest first, at most {@code limit}, with their refunds. */
    @Transactional(readOnly = true)
    public List<PurchaseLine> purchasesOf(long memberId, long afterId, int limit) {
        return purchases.selectList(new LambdaQueryWrapper<Purchase>()
                        .eq(Purchase::getMemberId, memberId).gt(Purchase::getId, afterId)
                        .orderByAsc(Purchase::getId).last("LIMIT " + limit)).stream()
                .map(p -> new PurchaseLine(p.getId(), p.getStoreId(), p.getOrderNo(), p.getMemberId(), p.getAmountCents(),
                        p.getRefundedCents(), p.getPointsAwarded(), p.getPointsReversed(), p.getStaffMemberId(),
                        p.getCreatedAt()))
                .toList();
    }

    /** Staff bindings by store (all stores when storeId is null), with the members' nicknames. */
    @Transactional(readOnly = true)
    public PageResponse<StaffMember> staff(Long requestedStoreId, Page<Staff> page) {
        Long storeId = StoreScope.visible(requestedStoreId);
        IPage<Staff> found = staff.selectPage(page, new LambdaQueryWrapper<Staff>()
                .eq(storeId != null, Staff::getStoreId, storeId)
                .orderByAsc(Staff::getStoreId).orderByAsc(Staff::getMemberId));
        Map<Long, String> nicknames = members.nicknames(found.getRecords().stream().map(Staff::getMemberId).toList());
        return PageResponse.from(found,
                s -> new StaffMember(s.getMemberId(), s.getStoreId(), nicknames.get(s.getMemberId()), s.getCreatedAt()));
    }

    /** Counter purchases newest first, of one store or all, created in [from, to) when given; a store manager's own store. */
    @Transactional(readOnly = true)
    public PageResponse<PurchaseLine> purchases(Long requestedStoreId, Instant from, Instant to, Page<Purchase> page) {
        Long storeId = StoreScope.visible(requestedStoreId);
        return PageResponse.from(purchases.selectPage(page, new LambdaQueryWrapper<Purchase>()
                .eq(storeId != null, Purchase::getStoreId, storeId)
                .ge(from != null, Purchase::getCreatedAt, from)
                .lt(to != null, Purchase::getCreatedAt, to)
                .orderByDesc(Purchase::getCreatedAt).orderByDesc(Purchase::getId)),
                p -> new PurchaseLine(p.getId(), p.getStoreId(), p.getOrderNo(), p.getMemberId(), p.getAmountCents(),
                        p.getRefundedCents(), p.getPointsAwarded(), p.getPointsReversed(), p.getStaffMemberId(),
                        p.getCreatedAt()));
    }

    /** The store this member works at, if they are staff (one read, no transaction of its own). */
    public Optional<StaffBinding> staffBinding(long memberId) {
        return Optional.ofNullable(staff.selectById(memberId)).map(s -> new StaffBinding(memberId, s.getStoreId()));
    }

    /** The store this member works at, or {@link NotStaffException}; every staff request asks it, in one read. */
    public StaffBinding requireStaff(long memberId) {
        Staff binding = staff.selectById(memberId);
        if (binding == null) {
            throw new NotStaffException(memberId);
        }
        return new StaffBinding(memberId, binding.getStoreId());
    }

    /** The member code to show: the one shown now while it is still good, else a fresh one. */
    @Transactional(readOnly = true)
    public MemberCodes.MemberCode memberCode(long memberId, String current) {
        return memberCodes.show(memberId, current);
    }

    /** The member behind a scanned member code (read-only: resolving spends nothing). */
    public long resolveMemberCode(String code) {
        long memberId = memberCodes.resolve(code);
        if (!members.active(memberId)) {
            throw new MemberCodeInvalidException();
        }
        return memberId;
    }

    /**
     * Spends a member code for one value movement, inside the caller's transaction; the code then pays
     * for nothing else ({@link MemberCodeUsedException}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spendMemberCode(String code, long memberId, String usedFor) {
        memberCodes.spend(code, memberId, usedFor);
    }

    /**
     * The rules of every new order at the counter: staff never serve their own account
     * ({@link StaffSelfServiceException}) and one order is at most {@code loyalty.counter.max-order-cents}
     * ({@link AmountOverLimitException}).
     */
    public void checkCounterOrder(StaffBinding at, long memberId, long amountCents) {
        checkNotSelf(at, memberId);
        if (amountCents > maxOrderCents) {
            throw new AmountOverLimitException(amountCents, maxOrderCents);
        }
    }

    /** Staff never act on their own member account at the counter. */
    public void checkNotSelf(StaffBinding at, long memberId) {
        if (at.memberId() == memberId) {
            throw new StaffSelfServiceException(memberId);
        }
    }

    /**
     * Records a purchase and awards floor(yuan × pointsPerYuan) points × the member's level multiplier;
     * the purchase spends the member code. The same order number again answers the first result; with
     * another member or amount it is {@link OrderConflictException}. A retry after the member code
     * expired or was spent by this very order still answers the first result.
     */
    public PurchaseResult recordPurchase(StaffBinding at, String memberCode, String orderNo, long amountCents) {
        Optional<Purchase> existing = purchases.find(at.storeId(), orderNo);
        if (existing.isPresent()) {
            return replay(existing.get(), memberCode, amountCents);
        }
        long memberId = resolveMemberCode(memberCode);
        checkCounterOrder(at, memberId, amountCents);
        try {
            return tx.execute(status -> {
                PurchaseResult result = insertPurchase(at, memberId, orderNo, amountCents, PurchasePaidBy.COUNTER);
                memberCodes.spend(memberCode, memberId, "purchase:" + at.storeId() + ":" + orderNo);
                return result;
            });
        } catch (DuplicateKeyException sameOrderRaced) {
            Purchase first = purchases.find(at.storeId(), orderNo).orElseThrow(() -> sameOrderRaced);
            return replay(first, memberCode, amountCents);
        }
    }

    /**
     * Records a purchase of a known member (no member code to spend); an order number already recorded for
     * this member and amount answers the first result.
     */
    public PurchaseResult recordPurchaseFor(StaffBinding at, long memberId, String orderNo, long amountCents) {
        Optional<Purchase> existing = purchases.find(at.storeId(), orderNo);
        if (existing.isPresent()) {
            return replayFor(existing.get(), memberId, amountCents);
        }
        checkCounterOrder(at, memberId, amountCents);
        try {
            return tx.execute(status -> insertPurchase(at, memberId, orderNo, amountCents, PurchasePaidBy.COUNTER));
        } catch (DuplicateKeyException sameOrderRaced) {
            return replayFor(purchases.find(at.storeId(), orderNo).orElseThrow(() -> sameOrderRaced), memberId, amountCents);
        }
    }

    /**
     * Records a purchase inside the caller's transaction (a wallet payment is one): the order number must
     * be new in this store, else {@link OrderConflictException}, so one sale is never paid twice. A
     * concurrent duplicate fails the caller's transaction with a duplicate key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PurchaseResult recordNewPurchaseFor(StaffBinding at, long memberId, String orderNo, long amountCents,
            PurchasePaidBy paidBy) {
        if (purchases.find(at.storeId(), orderNo).isPresent()) {
            throw new OrderConflictException(orderNo);
        }
        return insertPurchase(at, memberId, orderNo, amountCents, paidBy);
    }

    /**
     * The purchase row first: its unique (store, order) key is what queues concurrent repeats of one order
     * (each waits on the first's insert, then replays it), before any of them touches the points account.
     */
    private PurchaseResult insertPurchase(StaffBinding at, long memberId, String orderNo, long amountCents,
            PurchasePaidBy paidBy) {
        Purchase purchase = Purchase.of(at.storeId(), orderNo, memberId, amountCents, at.memberId(), clock.instant());
        purchase.setPaidBy(paidBy.name());
        purchases.add(purchase);
        long earned = pointsFor(memberId, amountCents);
        long balance;
        if (earned > 0) {
            PointsResult result = points.earn(new PointsMovement(memberId, earned, PointsSource.PURCHASE,
                    "purchase:" + at.storeId() + ":" + orderNo, "order:" + orderNo, "消费 " + orderNo));
            purchases.award(purchase.getId(), earned, result.entryId());
            balance = result.balanceAfter();
        } else {
            balance = points.balance(memberId);
        }
        members.addGrowth(memberId, amountCents / 100);
        audit.record(at.actor(), "PURCHASE_RECORDED", "order:" + at.storeId() + ":" + orderNo, null,
                Map.of("memberId", memberId, "amountCents", amountCents, "points", earned));
        return new PurchaseResult(orderNo, earned, balance);
    }

    /** Refunds what is left of a purchase, if anything (a refunded wallet payment refunds its purchase). */
    public PurchaseResult refundRemainder(StaffBinding at, String orderNo) {
        Optional<Purchase> purchase = purchases.find(at.storeId(), orderNo);
        if (purchase.isEmpty() || purchase.get().getRefundedCents() >= purchase.get().getAmountCents()) {
            return new PurchaseResult(orderNo, 0, purchase.map(p -> points.balance(p.getMemberId())).orElse(0L));
        }
        return refund(at, orderNo, null, PurchasePaidBy.WALLET);
    }

    /** What one member spent at the counters between two instants, less what was refunded. */
    @Transactional(readOnly = true)
    public long netSpendOf(long memberId, Instant from, Instant to) {
        return purchases.selectList(new LambdaQueryWrapper<Purchase>()
                        .eq(Purchase::getMemberId, memberId).ge(Purchase::getCreatedAt, from).lt(Purchase::getCreatedAt, to))
                .stream().mapToLong(p -> p.getAmountCents() - p.getRefundedCents()).sum();
    }

    /** These members' purchases in [from, to): who, when, and the amount less what was refunded. */
    @Transactional(readOnly = true)
    public List<MemberPurchase> purchasesBetween(Collection<Long> memberIds, Instant from,
            Instant to) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return purchases.selectList(new LambdaQueryWrapper<Purchase>()
                        .select(Purchase::getMemberId, Purchase::getCreatedAt, Purchase::getAmountCents,
                                Purchase::getRefundedCents)
                        .in(Purchase::getMemberId, memberIds)
                        .ge(Purchase::getCreatedAt, from).lt(Purchase::getCreatedAt, to))
                .stream().map(p -> new MemberPurchase(p.getMemberId(), p.getCreatedAt(),
                        p.getAmountCents() - p.getRefundedCents())).toList();
    }

    /** Members who bought something at a counter in [from, to). */
    @Transactional(readOnly = true)
    public Set<Long> membersBuyingBetween(Instant from, Instant to) {
        return purchases.selectObjs(new QueryWrapper<Purchase>()
                        .select("member_id").ge("created_at", from).lt("created_at", to))
                .stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    /** When each of these members last bought something; members who never did are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> lastPurchaseTimes(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> last = new HashMap<>();
        purchases.selectList(new QueryWrapper<Purchase>()
                        .select("member_id", "MAX(created_at) AS created_at")
                        .in("member_id", memberIds).groupBy("member_id"))
                .forEach(p -> last.put(p.getMemberId(), p.getCreatedAt()));
        return last;
    }

    /**
     * What each member spent at the counters between two instants, less what was refunded: member → cents, in
     * member id order (a settlement writes its rebates in that order, the same on every run).
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> netSpendBetween(Instant from, Instant to) {
        Map<Long, Long> spend = new TreeMap<>();
        purchases.selectList(new QueryWrapper<Purchase>()
                        .select("member_id", "SUM(amount_cents - refunded_cents) AS amount_cents")
                        .ge("created_at", from).lt("created_at", to).groupBy("member_id"))
                .forEach(p -> spend.put(p.getMemberId(), p.getAmountCents()));
        return spend;
    }

    /**
     * Refunds all that is left of a purchase ({@code amountCents} null) or part of it, and reverses the
     * points in proportion: cumulative refunds reverse floor(points × refunded ÷ amount), so partial
     * refunds that add up to the whole reverse exactly what was awarded.
     */
    public PurchaseResult refundPurchase(StaffBinding at, String orderNo, Long amountCents) {
        return refund(at, orderNo, amountCents, PurchasePaidBy.COUNTER);
    }

    /** Refunds the cash part of a checkout ({@link #refundPurchase} for a purchase the checkout module recorded). */
    public PurchaseResult refundCheckoutPurchase(StaffBinding at, String orderNo, long amountCents) {
        return refund(at, orderNo, amountCents, PurchasePaidBy.CHECKOUT);
    }

    private PurchaseResult refund(StaffBinding at, String orderNo, Long amountCents, PurchasePaidBy paidBy) {
        return tx.execute(status -> {
            Purchase purchase = purchases.lock(at.storeId(), orderNo);
            if (purchase == null) {
                throw new NotFoundException("Order", orderNo);
            }
            PurchasePaidBy actual = PurchasePaidBy.valueOf(purchase.getPaidBy());
            if (actual != paidBy) {
                throw new RefundElsewhereException(orderNo, actual);
            }
            checkNotSelf(at, purchase.getMemberId());
            long left = purchase.getAmountCents() - purchase.getRefundedCents();
            long cents = amountCents == null ? left : amountCents;
            if (cents <= 0 || cents > left) {
                throw new InvalidRequestException("amountCents", left == 0
                        ? "the order is already fully refunded" : "must be between 1 and " + left);
            }
            long refundedAfter = purchase.getRefundedCents() + cents;
            long reverse = purchase.getPointsAwarded() * refundedAfter / purchase.getAmountCents()
                    - purchase.getPointsReversed();
            long reversed = 0;
            if (reverse > 0) {
                try {
                    reversed = -points.reverse(purchase.getPointsEntryId(), reverse,
                            "purchase-refund:" + purchase.getId() + ":" + refundedAfter, "退款 " + orderNo).delta();
                } catch (NotReversibleException pointsExpired) {
                    // the purchase's points expired unspent: there is nothing left to take back
                }
            }
            long balance = points.balance(purchase.getMemberId());
            if (purchases.refund(purchase.getId(), cents, reversed) != 1) {
                throw new IllegalStateException("Refund of order " + orderNo + " exceeded its amount");
            }
            audit.record(at.actor(), "PURCHASE_REFUNDED", "order:" + at.storeId() + ":" + orderNo,
                    Map.of("refundedCents", purchase.getRefundedCents()),
                    Map.of("refundedCents", refundedAfter, "pointsReversed", reversed));
            return new PurchaseResult(orderNo, reversed, balance);
        });
    }

    private PurchaseResult replay(Purchase purchase, String memberCode, long amountCents) {
        if (purchase.getAmountCents() != amountCents) {
            throw new OrderConflictException(purchase.getOrderNo());
        }
        try {
            if (memberCodes.resolve(memberCode) != purchase.getMemberId()) {
                throw new OrderConflictException(purchase.getOrderNo());
            }
        } catch (MemberCodeInvalidException expiredSinceTheFirstTry) {
            // the till retried with the code it scanned the first time; the amount matched
        }
        return new PurchaseResult(purchase.getOrderNo(), purchase.getPointsAwarded(), points.balance(purchase.getMemberId()));
    }

    private PurchaseResult replayFor(Purchase purchase, long memberId, long amountCents) {
        if (purchase.getMemberId() != memberId || purchase.getAmountCents() != amountCents) {
            throw new OrderConflictException(purchase.getOrderNo());
        }
        return new PurchaseResult(purchase.getOrderNo(), purchase.getPointsAwarded(), points.balance(memberId));
    }

    /** The points a counter purchase of {@code amountCents} would earn this member now (the rule and their level). */
    public long purchasePoints(long memberId, long amountCents) {
        return pointsFor(memberId, amountCents);
    }

    private long pointsFor(long memberId, long amountCents) {
        long base = amountCents * points.rule().pointsPerYuan() / 100;
        return base * members.pointsMultiplierPercent(memberId) / 100;
    }

    private static StoreView toView(Store store) {
        return new StoreView(store.getId(), store.getName(), store.getAddress());
    }
}
