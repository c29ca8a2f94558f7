package dev.loyalty.coupon;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.security.StoreScope;
import dev.loyalty.common.web.PageResponse;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.internal.Coupon;
import dev.loyalty.coupon.internal.CouponMapper;
import dev.loyalty.coupon.internal.CouponTemplate;
import dev.loyalty.coupon.internal.CouponTemplateMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Coupons at the counter: staff use one by its code or QR payload; operators look one up. */
@Service
public class CouponVerification {

    private final CouponMapper coupons;
    private final CouponTemplateMapper templates;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    CouponVerification(CouponMapper coupons, CouponTemplateMapper templates, CounterService counter, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.coupons = coupons;
        this.templates = templates;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** Uses a coupon at the staff member's store: exactly one of any number of simultaneous scans succeeds. */
    public CouponView verify(StaffBinding at, String codeOrPayload) {
        Coupon coupon = byCodeOrPayload(codeOrPayload);
        counter.checkNotSelf(at, coupon.getMemberId());
        CouponTemplate template = usableAt(at, coupon);
        Instant now = clock.instant();
        return tx.execute(s -> {
            if (coupons.use(coupon.getId(), at.storeId(), at.memberId(), now) != 1) {
                throw CouponException.alreadyUsed(coupon.getCode(), CouponStatus.USED);
            }
            Coupon used = coupons.selectById(coupon.getId());
            publishUsed(coupon, template);
            audit.record(at.actor(), "COUPON_VERIFIED", "coupon:" + coupon.getId(),
                    Map.of("status", "UNUSED"), Map.of("status", "USED", "storeId", at.storeId()));
            return CouponViews.of(used, template, clock.instant());
        });
    }

    /**
     * What the member's coupon would take off an order of {@code amountCents} at the staff member's store,
     * checked as {@link #useForOrder} checks it but not used. Refusals: {@code NOT_FOUND} (no such coupon of
     * this member), {@code COUPON_EXPIRED}, {@code COUPON_ALREADY_USED}, {@code COUPON_NOT_VALID_HERE},
     * {@code COUPON_THRESHOLD_NOT_MET}, and {@code VALIDATION_FAILED} on {@code couponCode} for a GIFT coupon.
     */
    @Transactional(readOnly = true)
    public CouponDiscount quote(StaffBinding at, long memberId, String codeOrPayload, long amountCents) {
        Coupon coupon = heldBy(memberId, codeOrPayload);
        return discountOf(coupon, usableAt(at, coupon), amountCents);
    }

    /**
     * Uses the member's coupon to pay part of order {@code orderNo}, in the caller's transaction: checked as
     * {@link #quote}, then UNUSED → USED with the order, store and staff member; of simultaneous uses of one
     * coupon exactly one succeeds, the others are {@code COUPON_ALREADY_USED}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CouponDiscount useForOrder(StaffBinding at, long memberId, String codeOrPayload, long amountCents,
            String orderNo) {
        Coupon coupon = heldBy(memberId, codeOrPayload);
        CouponTemplate template = usableAt(at, coupon);
        CouponDiscount discount = discountOf(coupon, template, amountCents);
        if (coupons.useForOrder(coupon.getId(), at.storeId(), at.memberId(), orderNo, clock.instant()) != 1) {
            throw CouponException.alreadyUsed(coupon.getCode(), CouponStatus.USED);
        }
        publishUsed(coupon, template);
        return discount;
    }

    /**
     * Gives back a coupon that paid part of {@code orderNo}, in the caller's transaction (the order was refunded
     * whole): UNUSED again if it is still within its validity; answers false, leaving it USED, if not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean giveBack(long couponId, String orderNo) {
        Coupon coupon = coupons.selectById(couponId);
        if (coupon == null || coupons.giveBack(couponId, orderNo, clock.instant()) != 1) {
            return false;
        }
        if (coupon.getReturnedAt() == null) {
            CouponTemplate template = templates.selectById(coupon.getTemplateId());
            events.publishEvent(new CouponChanged(coupon.getMemberId(), couponId, template == null ? null : template.getName(),
                    CouponStatus.UNUSED, "RETURNED"));
        }
        return true;
    }

    /** The coupon's USED message goes out on its first use only: a coupon given back and used again is told once. */
    private void publishUsed(Coupon coupon, CouponTemplate template) {
        if (coupon.getReturnedAt() == null) {
            events.publishEvent(new CouponChanged(coupon.getMemberId(), coupon.getId(), template.getName(),
                    CouponStatus.USED, "USED"));
        }
    }

    private Coupon heldBy(long memberId, String codeOrPayload) {
        Coupon coupon = byCodeOrPayload(codeOrPayload);
        if (coupon.getMemberId() != memberId) {
            throw new NotFoundException("Coupon of member " + memberId, coupon.getCode());
        }
        return coupon;
    }

    /** The coupon's template, if the coupon can be used now at this store; else the refusal verify gives. */
    private CouponTemplate usableAt(StaffBinding at, Coupon coupon) {
        CouponTemplate template = templates.selectById(coupon.getTemplateId());
        Instant now = clock.instant();
        CouponStatus status = coupon.statusAt(now);
        if (status == CouponStatus.EXPIRED || now.isBefore(coupon.getValidFrom())) {
            throw CouponException.expired(coupon.getCode());
        }
        if (status != CouponStatus.UNUSED) {
            throw CouponException.alreadyUsed(coupon.getCode(), status);
        }
        List<Long> stores = CouponViews.storeIds(template);
        if (!stores.isEmpty() && !stores.contains(at.storeId())) {
            throw CouponException.notValidHere(coupon.getCode(), at.storeId());
        }
        return template;
    }

    private static CouponDiscount discountOf(Coupon coupon, CouponTemplate template, long amountCents) {
        if (template.getType() == CouponType.GIFT) {
            throw new InvalidRequestException("couponCode",
                    "a GIFT coupon pays for an item, not part of an order: verify it on its own");
        }
        long threshold = template.getThresholdCents() == null ? 0 : template.getThresholdCents();
        if (amountCents < threshold) {
            throw CouponException.thresholdNotMet(coupon.getCode(), threshold, amountCents);
        }
        long off;
        if (template.getType() == CouponType.CASH) {
            off = template.getDiscountCents() == null ? 0 : template.getDiscountCents();
        } else {
            off = amountCents * template.getDiscountPercent() / 100;
            long cap = template.getMaxDiscountCents() == null ? 0 : template.getMaxDiscountCents();
            if (cap > 0) {
                off = Math.min(off, cap);
            }
        }
        return new CouponDiscount(coupon.getId(), coupon.getCode(), template.getType(), Math.min(off, amountCents));
    }

    /** A coupon found by its code or QR payload, with the member who holds it. */
    @Transactional(readOnly = true)
    public HeldCoupon couponByCode(String codeOrPayload) {
        Coupon coupon = byCodeOrPayload(codeOrPayload);
        return new HeldCoupon(coupon.getMemberId(),
                CouponViews.of(coupon, templates.selectById(coupon.getTemplateId()), clock.instant()));
    }

    /** Coupons used at stores' counters, newest first, of one store or all, in [from, to) when given; a store manager's own store. */
    @Transactional(readOnly = true)
    public PageResponse<VerifiedCoupon> verifiedAt(Long requestedStoreId, Instant from, Instant to, Page<Coupon> page) {
        Long storeId = StoreScope.visible(requestedStoreId);
        IPage<Coupon> found = coupons.selectPage(page, new LambdaQueryWrapper<Coupon>()
                .isNotNull(Coupon::getStoreId)
                .isNotNull(Coupon::getUsedAt)
                .eq(storeId != null, Coupon::getStoreId, storeId)
                .ge(from != null, Coupon::getUsedAt, from)
                .lt(to != null, Coupon::getUsedAt, to)
                .orderByDesc(Coupon::getUsedAt).orderByDesc(Coupon::getId));
        Map<Long, String> names = new HashMap<>();
        for (Coupon coupon : found.getRecords()) {
            names.computeIfAbsent(coupon.getTemplateId(), id -> templates.selectById(id).getName());
        }
        return PageResponse.from(found, c -> new VerifiedCoupon(c.getId(), c.getCode(), c.getTemplateId(),
                names.get(c.getTemplateId()), c.getMemberId(), c.getStoreId(), c.getStaffMemberId(), c.getUsedAt()));
    }

    /** The coupon a typed code or a scanned QR payload names, in any case. */
    private Coupon byCodeOrPayload(String codeOrPayload) {
        String text = codeOrPayload.strip();
        String prefix = CouponViews.QR_PREFIX;
        String code = (text.startsWith(prefix) ? text.substring(prefix.length()) : text).strip().toUpperCase();
        return coupons.findByCode(code).orElseThrow(() -> new NotFoundException("Coupon", code));
    }

    /** A coupon and the member who holds it, for operators. */
    public record HeldCoupon(long memberId, CouponView coupon) {
    }
}
