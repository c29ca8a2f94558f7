package dev.loyalty.coupon;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.counter.CounterService;
import dev.loyalty.coupon.internal.Coupon;
import dev.loyalty.coupon.internal.CouponMapper;
import dev.loyalty.coupon.internal.CouponTemplate;
import dev.loyalty.coupon.internal.CouponTemplateMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' side of the coupons: the templates they configure, and the counts of what was issued and
 * used. An edit saves the template whole under its {@code @Version}; the stock taken is never written by
 * it, so an edit cannot overwrite what members took meanwhile.
 */
@Service
public class CouponTemplates {

    private final CouponTemplateMapper templates;
    private final CouponMapper coupons;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;

    CouponTemplates(CouponTemplateMapper templates, CouponMapper coupons, CounterService counter, AuditTrail audit,
            Clock clock) {
        this.templates = templates;
        this.coupons = coupons;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CouponTemplateView createTemplate(TemplateChange change) {
        validate(change, 0);
        CouponTemplate template = new CouponTemplate();
        apply(template, change, clock.instant());
        template.setTaken(0L);
        template.setCreatedAt(clock.instant());
        templates.insert(template);
        CouponTemplateView view = CouponViews.of(template);
        audit.record("COUPON_TEMPLATE_CREATED", "coupon-template:" + template.getId(), null, view);
        return view;
    }

    @Transactional
    public CouponTemplateView updateTemplate(long id, TemplateChange change) {
        CouponTemplate template = CouponTemplateMapper.require(templates, id);
        validate(change, template.getTaken());
        CouponTemplateView before = CouponViews.of(template);
        apply(template, change, clock.instant());
        if (templates.updateById(template) != 1) {
            throw new IllegalStateException("Coupon template " + id + " changed concurrently; reload and try again");
        }
        CouponTemplateView after = CouponViews.of(templates.selectById(id));
        audit.record("COUPON_TEMPLATE_UPDATED", "coupon-template:" + id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public CouponTemplateView template(long id) {
        return CouponViews.of(CouponTemplateMapper.require(templates, id));
    }

    @Transactional(readOnly = true)
    public List<CouponTemplateView> templates() {
        return templates.selectList(new LambdaQueryWrapper<CouponTemplate>().orderByDesc(CouponTemplate::getId))
                .stream().map(CouponViews::of).toList();
    }

    /** How many coupons of each template were issued, and how many of those were used. */
    @Transactional(readOnly = true)
    public List<TemplateCount> templateCounts() {
        return coupons.selectMaps(new QueryWrapper<Coupon>()
                        .select("template_id", "COUNT(*) AS issued", "SUM(CASE WHEN status = 'USED' THEN 1 ELSE 0 END) AS used")
                        .groupBy("template_id"))
                .stream()
                .map(row -> new TemplateCount(number(row, "template_id"), number(row, "issued"), number(row, "used")))
                .toList();
    }

    /** Coupons issued (redeemed from the mall) in [from, to), revoked ones included. */
    @Transactional(readOnly = true)
    public long countIssuedBetween(Instant from, Instant to) {
        return coupons.selectCount(new LambdaQueryWrapper<Coupon>().ge(Coupon::getCreatedAt, from).lt(Coupon::getCreatedAt, to));
    }

    /** Coupons verified at a counter in [from, to). */
    @Transactional(readOnly = true)
    public long countUsedBetween(Instant from, Instant to) {
        return coupons.selectCount(new LambdaQueryWrapper<Coupon>().ge(Coupon::getUsedAt, from).lt(Coupon::getUsedAt, to));
    }

    private static long number(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .map(e -> e.getValue() == null ? 0L : ((Number) e.getValue()).longValue()).orElse(0L);
    }

    private void validate(TemplateChange change, long taken) {
        switch (change.type()) {
            case CASH -> {
                if (change.discountCents() <= 0) {
                    throw new InvalidRequestException("discountCents", "a CASH coupon takes off more than 0 cents");
                }
            }
            case DISCOUNT -> {
                if (change.discountPercent() < 1 || change.discountPercent() > 99) {
                    throw new InvalidRequestException("discountPercent", "must be within 1..99");
                }
            }
            case GIFT -> {
            }
        }
        boolean byDays = change.validDays() != null;
        boolean byWindow = change.validFrom() != null || change.validTo() != null;
        if (byDays == byWindow) {
            throw new InvalidRequestException("validDays", "give either validDays or validFrom and validTo");
        }
        if (byWindow) {
            if (change.validFrom() == null || change.validTo() == null) {
                throw new InvalidRequestException("validTo", "a window needs both validFrom and validTo");
            }
            if (change.validTo().isBefore(change.validFrom())) {
                throw new InvalidRequestException("validTo", "must not be before validFrom");
            }
        }
        if (change.totalStock() < taken) {
            throw new InvalidRequestException("totalStock", taken + " are already taken");
        }
        if (change.storeIds() != null) {
            var known = counter.stores().stream().map(s -> s.id()).collect(Collectors.toSet());
            for (Long store : change.storeIds()) {
                if (!known.contains(store)) {
                    throw new InvalidRequestException("storeIds", "store " + store + " does not exist");
                }
            }
        }
    }

    private static void apply(CouponTemplate template, TemplateChange change, Instant now) {
        template.setName(change.name().strip());
        template.setType(change.type());
        template.setThresholdCents(change.thresholdCents());
        template.setDiscountCents(change.type() == CouponType.CASH ? change.discountCents() : 0);
        template.setDiscountPercent(change.type() == CouponType.DISCOUNT ? change.discountPercent() : 0);
        template.setMaxDiscountCents(change.type() == CouponType.DISCOUNT ? change.maxDiscountCents() : 0);
        template.setPointsPrice(change.pointsPrice());
        template.setTotalStock(change.totalStock());
        template.setPerMemberLimit(change.perMemberLimit());
        template.setValidDays(change.validDays());
        template.setValidFrom(change.validFrom());
        template.setValidTo(change.validTo());
        template.setStoreIds(change.storeIds() == null || change.storeIds().isEmpty() ? null
                : change.storeIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        template.setEnabled(change.enabled());
        template.setUpdatedAt(now);
    }

    /** Coupons of one template: issued (every coupon ever claimed) and used (verified at a counter). */
    public record TemplateCount(long templateId, long issued, long used) {
    }
}
