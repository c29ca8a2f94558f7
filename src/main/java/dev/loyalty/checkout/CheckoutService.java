package dev.loyalty.checkout;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.checkout.internal.CheckoutOrder;
import dev.loyalty.checkout.internal.CheckoutOrderMapper;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.MemberCodeInvalidException;
import dev.loyalty.counter.PurchasePaidBy;
import dev.loyalty.counter.PurchaseResult;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.CouponDiscount;
import dev.loyalty.coupon.CouponVerification;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsResult;
import dev.loyalty.points.PointsRuleView;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.math.BigInteger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkouts at the counter: an order paid partly with one of the member's coupons and with their points, the
 * rest in cash. In one transaction the order row comes first (its unique store and order number queues repeats
 * of the order before anything else is touched), then the member code is spent, the coupon used, the points
 * account locked and the points spent (sized by the balance read under that lock, so concurrent checkouts of
 * one member never overdraw it), and last the cash part recorded as a counter purchase, which earns the points,
 * growth and rebates a purchase earns. A refusal anywhere writes nothing, and the member code stays unspent.
 *
 * <p>The coupon takes its discount off the amount first; points then pay at most {@code maxPointsPercent} of
 * what is left, at {@code pointsPerYuanRedeem} points a yuan, in whole cents: points asked beyond the balance
 * or the cap are clamped, not refused.
 */
@Service
public class CheckoutService {

    private static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_COUPON_CODE = 128;

    private final CheckoutOrderMapper orders;
    private final CounterService counter;
    private final CouponVerification coupons;
    private final PointsService points;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    CheckoutService(CheckoutOrderMapper orders, CounterService counter, CouponVerification coupons, PointsService points,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.counter = counter;
        this.coupons = coupons;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Checks an order out at the staff member's store and spends the member code. The same order number again
     * answers the first result and writes nothing; with another member, amount, coupon or points asked it is
     * {@code IDEMPOTENCY_CONFLICT}. Refusals: {@code VALIDATION_FAILED}, {@code MEMBER_CODE_INVALID},
     * {@code MEMBER_CODE_USED}, {@code STAFF_SELF_SERVICE}, {@code AMOUNT_OVER_LIMIT}, the coupon's
     * ({@code NOT_FOUND}, {@code COUPON_EXPIRED}, {@code COUPON_ALREADY_USED}, {@code COUPON_NOT_VALID_HERE},
     * {@code COUPON_THRESHOLD_NOT_MET}) and {@code ORDER_CONFLICT} when the order number is a plain purchase.
     */
    public CheckoutResult checkout(StaffBinding at, CheckoutRequest request) {
        validate(request);
        Optional<CheckoutOrder> existing = orders.find(at.storeId(), request.orderNo());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        long memberId = counter.resolveMemberCode(request.memberCode());
        counter.checkCounterOrder(at, memberId, request.amountCents());
        return RaceRetry.onRace("checkout", () -> tx.execute(status -> checkoutNow(at, memberId, request)),
                raceLost -> orders.find(at.storeId(), request.orderNo()).map(first -> replay(first, request)));
    }

    /**
     * What {@link #checkout} would answer now, writing nothing and leaving the member code unspent (it is only
     * resolved); an order already checked out answers its result. The points earned and the balance are what
     * the checkout would give if nothing else moved the member's points meanwhile.
     */
    @Transactional(readOnly = true)
    public CheckoutResult preview(StaffBinding at, CheckoutRequest request) {
        validate(request);
        Optional<CheckoutOrder> existing = orders.find(at.storeId(), request.orderNo());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        long memberId = counter.resolveMemberCode(request.memberCode());
        counter.checkCounterOrder(at, memberId, request.amountCents());
        String couponCode = request.couponOrNull();
        long couponOff = couponCode == null ? 0
                : coupons.quote(at, memberId, couponCode, request.amountCents()).discountCents();
        PointsRuleView rule = points.rule();
        long rest = request.amountCents() - couponOff;
        long balance = points.balance(memberId);
        long used = pointsToUse(rule, rest, request.pointsAsked(), balance);
        long pointsOff = centsFor(rule, used);
        long payable = rest - pointsOff;
        long earned = payable > 0 ? counter.purchasePoints(memberId, payable) : 0;
        return new CheckoutResult(request.orderNo(), request.amountCents(), payable, couponOff, used, pointsOff, earned,
                balance - used + earned);
    }

    /**
     * Refunds a checkout's cash, all that is left ({@code amountCents} null) or part of it: the cash part's
     * purchase is refunded (its earned points reversed in proportion, as a purchase refund does), the points
     * paid with go back in proportion to the cash refunded so far (floor(used × refunded ÷ paid) less what went
     * back before, so partial refunds never give back more than was used), and a whole refund gives the coupon
     * back while it is still valid. An order paid wholly by coupon and points is refunded whole, without an
     * amount. A refund beyond what is left is {@code VALIDATION_FAILED} on {@code amountCents}.
     */
    public CheckoutRefundResult refund(StaffBinding at, String orderNo, Long amountCents) {
        return RaceRetry.onLockLost("checkout refund", () -> tx.execute(status -> refundNow(at, orderNo, amountCents)));
    }

    /**
     * Points to use: what is asked, at most the balance and what {@code maxPointsPercent} of {@code restCents}
     * allows, rounded down to a multiple that pays whole cents.
     */
    static long pointsToUse(PointsRuleView rule, long restCents, long asked, long balance) {
        if (asked <= 0 || balance <= 0 || restCents <= 0 || rule.maxPointsPercent() <= 0 || rule.pointsPerYuanRedeem() <= 0) {
            return 0;
        }
        long capCents = restCents * rule.maxPointsPercent() / 100;
        long capPoints = capCents * rule.pointsPerYuanRedeem() / 100;
        long wanted = Math.min(asked, Math.min(balance, capPoints));
        long step = rule.pointsPerYuanRedeem()
                / BigInteger.valueOf(rule.pointsPerYuanRedeem()).gcd(BigInteger.valueOf(100)).longValue();
        return wanted / step * step;
    }

    /** The cents {@code pointsUsed} pay: exact, since {@link #pointsToUse} answers whole cents' worth. */
    static long centsFor(PointsRuleView rule, long pointsUsed) {
        return pointsUsed == 0 ? 0 : pointsUsed * 100 / rule.pointsPerYuanRedeem();
    }

    private CheckoutResult checkoutNow(StaffBinding at, long memberId, CheckoutRequest request) {
        String orderNo = request.orderNo();
        String couponCode = request.couponOrNull();
        CheckoutOrder order = CheckoutOrder.opened(at.storeId(), orderNo, memberId, at.memberId(), request.amountCents(),
                couponCode, request.pointsAsked(), clock.instant());
        orders.open(order);
        String key = "checkout:" + at.storeId() + ":" + orderNo;
        counter.spendMemberCode(request.memberCode(), memberId, key);
        if (couponCode != null) {
            CouponDiscount coupon = coupons.useForOrder(at, memberId, couponCode, request.amountCents(), orderNo);
            order.setCouponId(coupon.couponId());
            order.setCouponDiscountCents(coupon.discountCents());
        }
        PointsRuleView rule = points.rule();
        long rest = request.amountCents() - order.getCouponDiscountCents();
        if (pointsToUse(rule, rest, request.pointsAsked(), Long.MAX_VALUE) > 0) {
            long used = pointsToUse(rule, rest, request.pointsAsked(), points.lockSpendable(memberId));
            if (used > 0) {
                PointsResult spent = points.spend(new PointsMovement(memberId, used, PointsSource.CHECKOUT, key,
                        "order:" + orderNo, "积分抵现 " + orderNo));
                order.setPointsUsed(used);
                order.setPointsDiscountCents(centsFor(rule, used));
                order.setPointsEntryId(spent.entryId());
            }
        }
        order.setPayableCents(rest - order.getPointsDiscountCents());
        if (order.getPayableCents() > 0) {
            PurchaseResult purchase = counter.recordNewPurchaseFor(at, memberId, orderNo, order.getPayableCents(),
                    PurchasePaidBy.CHECKOUT);
            order.setPointsEarned(purchase.points());
            order.setPointsBalance(purchase.pointsBalance());
        } else {
            order.setPointsBalance(points.balance(memberId));
        }
        orders.settle(order);
        CheckoutResult result = resultOf(order);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", memberId);
        after.put("couponId", order.getCouponId());
        after.put("amountCents", result.amountCents());
        after.put("couponDiscountCents", result.couponDiscountCents());
        after.put("pointsUsed", result.pointsUsed());
        after.put("pointsDiscountCents", result.pointsDiscountCents());
        after.put("payableCents", result.payableCents());
        after.put("pointsEarned", result.pointsEarned());
        audit.record(at.actor(), "CHECKOUT_RECORDED", target(at, orderNo), null, after);
        return result;
    }

    private CheckoutRefundResult refundNow(StaffBinding at, String orderNo, Long amountCents) {
        CheckoutOrder order = orders.lock(at.storeId(), orderNo);
        if (order == null) {
            throw new NotFoundException("Checkout", orderNo);
        }
        counter.checkNotSelf(at, order.getMemberId());
        long paid = order.getPayableCents();
        long left = paid - order.getRefundedCents();
        if (CheckoutOrder.REFUNDED.equals(order.getStatus())) {
            throw new InvalidRequestException("amountCents", "the order is already fully refunded");
        }
        long cents = amountCents == null ? left : amountCents;
        if (paid == 0 ? cents != 0 : cents <= 0 || cents > left) {
            throw new InvalidRequestException("amountCents", paid == 0
                    ? "nothing of this order was paid in cash: refund it whole, without an amount"
                    : "must be between 1 and " + left);
        }
        long refundedAfter = order.getRefundedCents() + cents;
        boolean whole = refundedAfter == paid;
        long reversed = 0;
        if (cents > 0) {
            reversed = counter.refundCheckoutPurchase(at, orderNo, cents).points();
        }
        long returnedSoFar = whole ? order.getPointsUsed() : order.getPointsUsed() * refundedAfter / paid;
        long giveBack = returnedSoFar - order.getPointsReturned();
        long returned = 0;
        if (giveBack > 0) {
            returned = points.reverse(order.getPointsEntryId(), giveBack,
                    "checkout-refund:" + order.getId() + ":" + refundedAfter, "退款退回积分 " + orderNo).delta();
        }
        boolean couponReturned = false;
        boolean couponKept = false;
        if (whole && order.getCouponId() != null) {
            couponReturned = coupons.giveBack(order.getCouponId(), orderNo);
            couponKept = !couponReturned;
        }
        String status = whole ? CheckoutOrder.REFUNDED : CheckoutOrder.PARTLY_REFUNDED;
        if (orders.refund(order.getId(), cents, returned, reversed, status, clock.instant()) != 1) {
            throw new IllegalStateException("Refund of checkout " + orderNo + " exceeded what was paid or used");
        }
        long balance = points.balance(order.getMemberId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("refundedCents", refundedAfter);
        after.put("pointsReturned", order.getPointsReturned() + returned);
        after.put("pointsReversed", order.getPointsReversed() + reversed);
        after.put("couponReturned", couponReturned);
        after.put("couponKept", couponKept);
        audit.record(at.actor(), "CHECKOUT_REFUNDED", target(at, orderNo),
                Map.of("refundedCents", order.getRefundedCents(), "pointsReturned", order.getPointsReturned()), after);
        return new CheckoutRefundResult(orderNo, cents, refundedAfter, returned, reversed, couponReturned, couponKept,
                balance);
    }

    /** The first result of an order, if this request is the same order: same member, amount, coupon and points asked. */
    private CheckoutResult replay(CheckoutOrder order, CheckoutRequest request) {
        if (!sameOrder(order, request)) {
            throw new IdempotencyConflictException("checkout:" + order.getStoreId() + ":" + order.getOrderNo());
        }
        return resultOf(order);
    }

    private boolean sameOrder(CheckoutOrder order, CheckoutRequest request) {
        if (order.getAmountCents() != request.amountCents() || order.getPointsRequested() != request.pointsAsked()) {
            return false;
        }
        String couponCode = request.couponOrNull();
        if ((couponCode == null) != (order.getCouponId() == null)) {
            return false;
        }
        if (couponCode != null) {
            try {
                if (coupons.couponByCode(couponCode).coupon().id() != order.getCouponId()) {
                    return false;
                }
            } catch (NotFoundException noSuchCoupon) {
                return false;
            }
        }
        try {
            return counter.resolveMemberCode(request.memberCode()) == order.getMemberId();
        } catch (MemberCodeInvalidException expiredSinceTheFirstTry) {
            // the till retried with the code it scanned the first time; the rest matched
            return true;
        }
    }

    private static CheckoutResult resultOf(CheckoutOrder order) {
        return new CheckoutResult(order.getOrderNo(), order.getAmountCents(), order.getPayableCents(),
                order.getCouponDiscountCents(), order.getPointsUsed(), order.getPointsDiscountCents(),
                order.getPointsEarned(), order.getPointsBalance());
    }

    private static void validate(CheckoutRequest request) {
        if (request.memberCode() == null || request.memberCode().isBlank() || request.memberCode().length() > 64) {
            throw new InvalidRequestException("memberCode", "must be 1..64 characters");
        }
        if (request.orderNo() == null || !ORDER_NO.matcher(request.orderNo()).matches()) {
            throw new InvalidRequestException("orderNo", "1..64 letters, digits, _ and - only");
        }
        if (request.amountCents() < 1) {
            throw new InvalidRequestException("amountCents", "must be at least 1");
        }
        if (request.pointsToUse() != null && request.pointsToUse() < 0) {
            throw new InvalidRequestException("pointsToUse", "must not be negative");
        }
        if (request.couponCode() != null && request.couponCode().length() > MAX_COUPON_CODE) {
            throw new InvalidRequestException("couponCode", "must be at most " + MAX_COUPON_CODE + " characters");
        }
    }

    private static String target(StaffBinding at, String orderNo) {
        return "checkout:" + at.storeId() + ":" + orderNo;
    }
}
