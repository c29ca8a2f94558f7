package dev.loyalty.coupon;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.jobs.Job;
import dev.loyalty.common.jobs.JobSwitch;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.internal.Coupon;
import dev.loyalty.coupon.internal.CouponMapper;
import dev.loyalty.coupon.internal.CouponTemplate;
import dev.loyalty.coupon.internal.CouponTemplateMapper;
import dev.loyalty.coupon.internal.MemberQuotaMapper;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsResult;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points mall and coupons. A redemption is one transaction: the member's quota (a guarded increment),
 * the points (through {@code PointsService}), the coupon, and last the stock (a guarded increment), so the
 * hot template row is locked for the shortest time. Any refusal leaves points and stock untouched.
 */
@Service
public class CouponService implements Job {

    static final String QR_PREFIX = "LOYALTY-COUPON:";
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 12;

    private final CouponTemplateMapper templates;
    private final MemberQuotaMapper quotas;
    private final CouponMapper coupons;
    private final PointsService points;
    private final CounterService counter;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JobSwitch jobSwitch;
    private final SecureRandom random = new SecureRandom();

    CouponService(CouponTemplateMapper templates, MemberQuotaMapper quotas, CouponMapper coupons, PointsService points,
            CounterService counter, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, JobSwitch jobSwitch) {
        this.templates = templates;
        this.quotas = quotas;
        this.coupons = coupons;
        this.points = points;
        this.counter = counter;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.jobSwitch = jobSwitch;
    }

    // ---- operators: templates ----

    @Transactional
    public CouponTemplateView createTemplate(TemplateChange change) {
        validate(change, 0);
        CouponTemplate template = new CouponTemplate();
        apply(template, change, clock.instant());
        template.setTaken(0L);
        template.setCreatedAt(clock.instant());
        templates.insert(template);
        CouponTemplateView view = toView(template);
        audit.record("COUPON_TEMPLATE_CREATED", "coupon-template:" + template.getId(), null, view);
        return view;
    }

    @Transactional
    public CouponTemplateView updateTemplate(long id, TemplateChange change) {
        CouponTemplate template = loadTemplate(id);
        validate(change, template.getTaken());
        CouponTemplateView before = toView(template);
        apply(template, change, clock.instant());
        if (templates.updateById(template) != 1) {
            throw new IllegalStateException("Coupon template " + id + " changed concurrently; reload and try again");
        }
        CouponTemplateView after = toView(templates.selectById(id));
        audit.record("COUPON_TEMPLATE_UPDATED", "coupon-template:" + id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public CouponTemplateView template(long id) {
        return toView(loadTemplate(id));
    }

    @Transactional(readOnly = true)
    public List<CouponTemplateView> templates() {
        return templates.selectList(new LambdaQueryWrapper<CouponTemplate>().orderByDesc(CouponTemplate::getId))
                .stream().map(CouponService::toView).toList();
    }

    // ---- members: the mall ----

    /** Enabled templates with stock left whose window is open, with how many of each this member holds. */
    @Transactional(readOnly = true)
    public List<MallItem> mall(long memberId) {
        LocalDate today = LocalDate.now(clock);
        return templates.selectList(new LambdaQueryWrapper<CouponTemplate>()
                        .eq(CouponTemplate::getEnabled, true)
                        .apply("taken < total_stock")
                        .orderByAsc(CouponTemplate::getPointsPrice))
                .stream()
                .filter(t -> t.getValidTo() == null || !t.getValidTo().isBefore(today))
                .map(t -> new MallItem(toView(t), Objects.requireNonNullElse(quotas.taken(t.getId(), memberId), 0)))
                .toList();
    }

    /**
     * Redeems a template for points. The same {@code idempotencyKey} again answers the same coupon;
     * refusals are {@code OUT_OF_STOCK}, {@code REDEEM_LIMIT_REACHED} or {@code POINTS_INSUFFICIENT}.
     */
    public RedeemResult redeem(long memberId, long templateId, String idempotencyKey) {
        var existing = coupons.findByRedeemKey(memberId, idempotencyKey);
        if (existing.isPresent()) {
            return replay(existing.get(), templateId, idempotencyKey);
        }
        CouponTemplate template = loadTemplate(templateId);
        if (!template.getEnabled()) {
            throw new NotFoundException("Coupon template", templateId);
        }
        if (template.getValidTo() != null && template.getValidTo().isBefore(LocalDate.now(clock))) {
            throw CouponException.expired("template " + templateId);
        }
        if (template.getTaken() >= template.getTotalStock()) {
            throw CouponException.outOfStock(templateId);
        }
        ensureQuotaRow(templateId, memberId);
        try {
            return RaceRetry.onRace("coupon redemption", () -> tx.execute(status -> redeemNow(memberId, template, idempotencyKey)),
                    raceLost -> coupons.findByRedeemKey(memberId, idempotencyKey)
                            .map(winner -> replay(winner, templateId, idempotencyKey)));
        } catch (LoyaltyException refused) {
            // a repeat of a redemption that went through can hit the limit, the stock or the points it used
            var first = coupons.findByRedeemKey(memberId, idempotencyKey);
            if (first.isPresent()) {
                return replay(first.get(), templateId, idempotencyKey);
            }
            throw refused;
        }
    }

    private RedeemResult redeemNow(long memberId, CouponTemplate template, String idempotencyKey) {
        long templateId = template.getId();
        if (quotas.takeOne(templateId, memberId, template.getPerMemberLimit()) != 1) {
            throw CouponException.redeemLimitReached(templateId, template.getPerMemberLimit());
        }
        Instant now = clock.instant();
        Long entryId = null;
        long balance;
        if (template.getPointsPrice() > 0) {
            PointsResult paid = points.spend(new PointsMovement(memberId, template.getPointsPrice(), PointsSource.REDEEM,
                    "redeem:" + memberId + ":" + idempotencyKey, "coupon-template:" + templateId, "兑换 " + template.getName()));
            entryId = paid.entryId();
            balance = paid.balanceAfter();
        } else {
            balance = points.balance(memberId);
        }
        Instant[] validity = validityFrom(template, now);
        Coupon coupon = Coupon.issued(templateId, memberId, newCode(), idempotencyKey, template.getPointsPrice(), entryId,
                validity[0], validity[1], now);
        coupons.insert(coupon);
        if (templates.takeOne(templateId) != 1) {
            throw CouponException.outOfStock(templateId);
        }
        events.publishEvent(new CouponChanged(memberId, coupon.getId(), template.getName(), CouponStatus.UNUSED, "ISSUED"));
        return new RedeemResult(toView(coupon, template), balance, false);
    }

    @Transactional(readOnly = true)
    public PageResponse<CouponView> coupons(long memberId, CouponStatus status, Page<Coupon> page) {
        Instant now = clock.instant();
        LambdaQueryWrapper<Coupon> where = new LambdaQueryWrapper<Coupon>().eq(Coupon::getMemberId, memberId);
        if (status == CouponStatus.UNUSED) {
            where.eq(Coupon::getStatus, CouponStatus.UNUSED).gt(Coupon::getValidTo, now);
        } else if (status == CouponStatus.EXPIRED) {
            where.and(w -> w.eq(Coupon::getStatus, CouponStatus.EXPIRED)
                    .or(o -> o.eq(Coupon::getStatus, CouponStatus.UNUSED).le(Coupon::getValidTo, now)));
        } else if (status != null) {
            where.eq(Coupon::getStatus, status);
        }
        where.orderByDesc(Coupon::getId);
        Page<Coupon> found = coupons.selectPage(page, where);
        Map<Long, CouponTemplate> byId = templatesOf(found.getRecords());
        return PageResponse.from(found, c -> toView(c, byId.get(c.getTemplateId())));
    }

    @Transactional(readOnly = true)
    public CouponView coupon(long memberId, long couponId) {
        Coupon coupon = coupons.selectById(couponId);
        if (coupon == null || coupon.getMemberId() != memberId) {
            throw new NotFoundException("Coupon", couponId);
        }
        return toView(coupon, templates.selectById(coupon.getTemplateId()));
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

    @Transactional(readOnly = true)
    public long unusedCount(long memberId) {
        return coupons.selectCount(new LambdaQueryWrapper<Coupon>().eq(Coupon::getMemberId, memberId)
                .eq(Coupon::getStatus, CouponStatus.UNUSED).gt(Coupon::getValidTo, clock.instant()));
    }

    // ---- staff: verification ----

    /** Uses a coupon at the staff member's store: exactly one of any number of simultaneous scans succeeds. */
    public CouponView verify(StaffBinding at, String codeOrPayload) {
        Coupon coupon = byCodeOrPayload(codeOrPayload);
        counter.checkNotSelf(at, coupon.getMemberId());
        CouponTemplate template = templates.selectById(coupon.getTemplateId());
        Instant now = clock.instant();
        CouponStatus status = coupon.statusAt(now);
        if (status == CouponStatus.EXPIRED || now.isBefore(coupon.getValidFrom())) {
            throw CouponException.expired(coupon.getCode());
        }
        if (status != CouponStatus.UNUSED) {
            throw CouponException.alreadyUsed(coupon.getCode(), status);
        }
        List<Long> stores = storeIds(template);
        if (!stores.isEmpty() && !stores.contains(at.storeId())) {
            throw CouponException.notValidHere(coupon.getCode(), at.storeId());
        }
        return tx.execute(s -> {
            if (coupons.use(coupon.getId(), at.storeId(), at.memberId(), now) != 1) {
                throw CouponException.alreadyUsed(coupon.getCode(), CouponStatus.USED);
            }
            Coupon used = coupons.selectById(coupon.getId());
            events.publishEvent(new CouponChanged(coupon.getMemberId(), coupon.getId(), template.getName(),
                    CouponStatus.USED, "USED"));
            audit.record(new Actor(Actor.Type.STAFF, at.memberId()), "COUPON_VERIFIED", "coupon:" + coupon.getId(),
                    Map.of("status", "UNUSED"), Map.of("status", "USED", "storeId", at.storeId()));
            return toView(used, template);
        });
    }

    // ---- operators: revoke ----

    /**
     * An unused coupon becomes REVOKED: its points go back (a REVERSE of the spend) and its stock returns.
     * Rows are locked in the order a redemption locks them (quota, points, template), so the two cannot
     * deadlock each other.
     */
    public RevokeResult revoke(long couponId) {
        return RaceRetry.onLockLost("coupon revocation", () -> tx.execute(s -> revokeNow(couponId)));
    }

    private RevokeResult revokeNow(long couponId) {
        Coupon coupon = coupons.selectById(couponId);
        if (coupon == null) {
            throw new NotFoundException("Coupon", couponId);
        }
        if (coupons.revoke(couponId, clock.instant()) != 1) {
            throw CouponException.alreadyUsed(coupon.getCode(), coupon.statusAt(clock.instant()));
        }
        quotas.returnOne(coupon.getTemplateId(), coupon.getMemberId());
        long returned = 0;
        if (coupon.getPointsEntryId() != null) {
            returned = points.reverse(coupon.getPointsEntryId(), null, "revoke:coupon:" + couponId,
                    "撤销券 " + coupon.getCode()).delta();
        }
        templates.returnOne(coupon.getTemplateId());
        events.publishEvent(new CouponChanged(coupon.getMemberId(), couponId, null, CouponStatus.REVOKED, "REVOKED"));
        audit.record("COUPON_REVOKED", "coupon:" + couponId, Map.of("status", "UNUSED"),
                Map.of("status", "REVOKED", "pointsReturned", returned));
        return new RevokeResult(toView(coupons.selectById(couponId), templates.selectById(coupon.getTemplateId())),
                returned);
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

    /** A coupon found by its code or QR payload, with the member who holds it. */
    @Transactional(readOnly = true)
    public HeldCoupon couponByCode(String codeOrPayload) {
        Coupon coupon = byCodeOrPayload(codeOrPayload);
        return new HeldCoupon(coupon.getMemberId(), toView(coupon, templates.selectById(coupon.getTemplateId())));
    }

    /** The coupon a typed code or a scanned QR payload names, in any case. */
    private Coupon byCodeOrPayload(String codeOrPayload) {
        String text = codeOrPayload.strip();
        String code = (text.startsWith(QR_PREFIX) ? text.substring(QR_PREFIX.length()) : text).strip().toUpperCase();
        return coupons.findByCode(code).orElseThrow(() -> new NotFoundException("Coupon", code));
    }

    private static long number(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .map(e -> e.getValue() == null ? 0L : ((Number) e.getValue()).longValue()).orElse(0L);
    }

    // ---- job: mark expired coupons ----

    @Override
    public String name() {
        return "coupon-expiry";
    }

    @Override
    public long run() {
        return coupons.expireAll(clock.instant());
    }

    @org.springframework.scheduling.annotation.Scheduled(cron = "${loyalty.coupons.expiry-cron:0 10 0 * * *}",
            zone = "${loyalty.zone:Asia/Shanghai}")
    void nightly() {
        jobSwitch.onSchedule(this);
    }

    // ---- helpers ----

    private void ensureQuotaRow(long templateId, long memberId) {
        if (quotas.taken(templateId, memberId) == null) {
            try {
                quotas.create(templateId, memberId);
            } catch (DuplicateKeyException createdConcurrently) {
                // another request of this member created it first
            }
        }
    }

    private RedeemResult replay(Coupon coupon, long templateId, String key) {
        if (coupon.getTemplateId() != templateId) {
            throw new IdempotencyConflictException(key);
        }
        return new RedeemResult(toView(coupon, templates.selectById(templateId)), points.balance(coupon.getMemberId()), true);
    }

    private Instant[] validityFrom(CouponTemplate template, Instant now) {
        if (template.getValidDays() != null) {
            LocalDate today = now.atZone(clock.getZone()).toLocalDate();
            // valid until the end of the day validDays after claiming, as points expire
            return new Instant[] {now, today.plusDays(template.getValidDays() + 1L).atStartOfDay(clock.getZone()).toInstant()};
        }
        return new Instant[] {template.getValidFrom().atStartOfDay(clock.getZone()).toInstant(),
                template.getValidTo().plusDays(1).atStartOfDay(clock.getZone()).toInstant()};
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private CouponTemplate loadTemplate(long id) {
        CouponTemplate template = templates.selectById(id);
        if (template == null) {
            throw new NotFoundException("Coupon template", id);
        }
        return template;
    }

    private Map<Long, CouponTemplate> templatesOf(List<Coupon> list) {
        List<Long> ids = list.stream().map(Coupon::getTemplateId).distinct().toList();
        return ids.isEmpty() ? Map.of() : templates.selectByIds(ids).stream()
                .collect(Collectors.toMap(CouponTemplate::getId, Function.identity()));
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

    private static List<Long> storeIds(CouponTemplate template) {
        return template.getStoreIds() == null || template.getStoreIds().isBlank() ? List.of()
                : Arrays.stream(template.getStoreIds().split(",")).map(Long::parseLong).toList();
    }

    private static CouponTemplateView toView(CouponTemplate t) {
        return new CouponTemplateView(t.getId(), t.getName(), t.getType(), t.getThresholdCents(), t.getDiscountCents(),
                t.getDiscountPercent(), t.getMaxDiscountCents(), t.getPointsPrice(), t.getTotalStock(),
                t.getTotalStock() - t.getTaken(), t.getPerMemberLimit(), t.getValidDays(), t.getValidFrom(), t.getValidTo(),
                storeIds(t), t.getEnabled());
    }

    private CouponView toView(Coupon c, CouponTemplate t) {
        return new CouponView(c.getId(), c.getTemplateId(), t == null ? null : t.getName(), t == null ? null : t.getType(),
                c.getCode(), c.statusAt(clock.instant()), c.getValidFrom(), c.getValidTo(), c.getUsedAt(), c.getStoreId(),
                QR_PREFIX + c.getCode());
    }

    /** A template in the mall, with how many of it this member already holds. */
    public record MallItem(CouponTemplateView template, int redeemedByMe) {
    }

    /** Coupons of one template: issued (every coupon ever claimed) and used (verified at a counter). */
    public record TemplateCount(long templateId, long issued, long used) {
    }

    /** A coupon and the member who holds it, for operators. */
    public record HeldCoupon(long memberId, CouponView coupon) {
    }

    public record RevokeResult(CouponView coupon, long pointsReturned) {
    }
}
