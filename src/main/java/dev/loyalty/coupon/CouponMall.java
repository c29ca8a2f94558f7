package dev.loyalty.coupon;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.web.PageResponse;
import dev.loyalty.coupon.internal.Coupon;
import dev.loyalty.coupon.internal.CouponGate;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points mall and the coupons members hold. A redemption is one transaction: the member's quota (a
 * guarded increment), the points (through {@code PointsService}), the coupon, and last the stock (a guarded
 * increment), so the hot template row is locked for the shortest time. Any refusal leaves points and stock
 * untouched. Before the transaction, the {@link CouponGate} refuses in Redis what cannot succeed because
 * redemptions in flight hold the rest of the stock or of the member's limit, so a rush of refusals never
 * queues on the hot row. An operator's revoke undoes a redemption: points, quota and stock go back.
 */
@Service
public class CouponMall {

    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 12;

    private final CouponTemplateMapper templates;
    private final MemberQuotaMapper quotas;
    private final CouponMapper coupons;
    private final PointsService points;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final CouponGate gate;
    private final SecureRandom random = new SecureRandom();

    CouponMall(CouponTemplateMapper templates, MemberQuotaMapper quotas, CouponMapper coupons, PointsService points,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            CouponGate gate) {
        this.templates = templates;
        this.quotas = quotas;
        this.coupons = coupons;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.gate = gate;
    }

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
                .map(t -> new MallItem(CouponViews.of(t), Objects.requireNonNullElse(quotas.taken(t.getId(), memberId), 0)))
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
        CouponTemplate template = issuable(templateId);
        Integer memberTaken = quotas.taken(templateId, memberId);
        try (CouponGate.Pass pass = gate.enter(templateId, memberId, idempotencyKey,
                template.getTotalStock() - template.getTaken(), memberTaken == null ? 0 : memberTaken,
                template.getPerMemberLimit())) {
            refuseAtTheGate(pass, template);
            if (memberTaken == null) {
                createQuotaRow(templateId, memberId);
            }
            return RaceRetry.onRace("coupon redemption",
                    () -> tx.execute(status -> redeemNow(memberId, template, idempotencyKey, pass)),
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

    private static void refuseAtTheGate(CouponGate.Pass pass, CouponTemplate template) {
        switch (pass.verdict()) {
            case OUT_OF_STOCK -> throw CouponException.outOfStock(template.getId());
            case LIMIT_REACHED -> throw CouponException.redeemLimitReached(template.getId(), template.getPerMemberLimit());
            default -> {
            }
        }
    }

    private RedeemResult redeemNow(long memberId, CouponTemplate template, String idempotencyKey, CouponGate.Pass pass) {
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
        // the stock is taken in this transaction: its place at the gate is given up before the commit, so
        // the unit is never counted as both taken and held
        pass.close();
        return new RedeemResult(CouponViews.of(coupon, template, clock.instant()), balance, false);
    }

    /** The template, if a coupon of it can be issued now: enabled, its window open, stock left as last committed. */
    private CouponTemplate issuable(long templateId) {
        CouponTemplate template = CouponTemplateMapper.require(templates, templateId);
        if (!template.getEnabled()) {
            throw new NotFoundException("Coupon template", templateId);
        }
        if (template.getValidTo() != null && template.getValidTo().isBefore(LocalDate.now(clock))) {
            throw CouponException.expired("template " + templateId);
        }
        if (template.getTaken() >= template.getTotalStock()) {
            throw CouponException.outOfStock(templateId);
        }
        return template;
    }

    /**
     * Issues a coupon of the template for free (an operator's grant): the template's stock and the member's
     * limit hold as for a redemption, and no points move. Runs in the caller's transaction, so the caller's
     * record of the issue commits with it or not at all. The same {@code issueKey} for the member again
     * answers the first coupon. Refusals: {@code NOT_FOUND} (unknown or disabled template),
     * {@code COUPON_EXPIRED} (its window closed), {@code OUT_OF_STOCK}, {@code REDEEM_LIMIT_REACHED}; they
     * are thrown before anything is written but the member's quota, which the caller's rollback undoes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long issueFree(long memberId, long templateId, String issueKey) {
        var existing = coupons.findByRedeemKey(memberId, issueKey);
        if (existing.isPresent()) {
            if (existing.get().getTemplateId() != templateId) {
                throw new IdempotencyConflictException(issueKey);
            }
            return existing.get().getId();
        }
        CouponTemplate template = issuable(templateId);
        if (quotas.taken(templateId, memberId) == null) {
            createQuotaRow(templateId, memberId);
        }
        if (quotas.takeOne(templateId, memberId, template.getPerMemberLimit()) != 1) {
            throw CouponException.redeemLimitReached(templateId, template.getPerMemberLimit());
        }
        Instant now = clock.instant();
        Instant[] validity = validityFrom(template, now);
        Coupon coupon = Coupon.issued(templateId, memberId, newCode(), issueKey, 0, null, validity[0], validity[1], now);
        coupons.insert(coupon);
        if (templates.takeOne(templateId) != 1) {
            throw CouponException.outOfStock(templateId);
        }
        events.publishEvent(new CouponChanged(memberId, coupon.getId(), template.getName(), CouponStatus.UNUSED, "ISSUED"));
        return coupon.getId();
    }

    /** How many of these coupons were used at a counter. */
    @Transactional(readOnly = true)
    public long countUsed(Collection<Long> couponIds) {
        if (couponIds.isEmpty()) {
            return 0;
        }
        return coupons.selectCount(new LambdaQueryWrapper<Coupon>()
                .in(Coupon::getId, couponIds).eq(Coupon::getStatus, CouponStatus.USED));
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
        return PageResponse.from(found, c -> CouponViews.of(c, byId.get(c.getTemplateId()), clock.instant()));
    }

    @Transactional(readOnly = true)
    public CouponView coupon(long memberId, long couponId) {
        Coupon coupon = coupons.selectById(couponId);
        if (coupon == null || coupon.getMemberId() != memberId) {
            throw new NotFoundException("Coupon", couponId);
        }
        return CouponViews.of(coupon, templates.selectById(coupon.getTemplateId()), clock.instant());
    }

    @Transactional(readOnly = true)
    public long unusedCount(long memberId) {
        return coupons.selectCount(new LambdaQueryWrapper<Coupon>().eq(Coupon::getMemberId, memberId)
                .eq(Coupon::getStatus, CouponStatus.UNUSED).gt(Coupon::getValidTo, clock.instant()));
    }

    /**
     * An unused coupon becomes REVOKED: its points go back (a REVERSE of the spend) and its stock returns.
     * Rows are locked in the order a redemption locks them (quota, points, template), so the two cannot
     * deadlock each other.
     */
    public RevokeResult revoke(long couponId) {
        return RaceRetry.onLockLost("coupon revocation", () -> tx.execute(s -> revokeNow(couponId)));
    }

    /**
     * Inside a member's deletion: revokes every unused coupon of theirs. No points go back (the deletion writes
     * the balance off); each coupon's stock and the member's quota return, as with an operator's revoke.
     * Answers how many were revoked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeUnusedOfDeletedMember(long memberId) {
        Instant now = clock.instant();
        int revoked = 0;
        for (Coupon coupon : coupons.selectList(new LambdaQueryWrapper<Coupon>().eq(Coupon::getMemberId, memberId)
                .eq(Coupon::getStatus, CouponStatus.UNUSED).gt(Coupon::getValidTo, now).orderByAsc(Coupon::getId))) {
            if (coupons.revoke(coupon.getId(), now) != 1) {
                continue;
            }
            quotas.returnOne(coupon.getTemplateId(), memberId);
            templates.returnOne(coupon.getTemplateId());
            events.publishEvent(new CouponChanged(memberId, coupon.getId(), null, CouponStatus.REVOKED, "REVOKED"));
            revoked++;
        }
        return revoked;
    }

    /** The member's coupons after {@code afterId}, oldest first, at most {@code limit}: for paging through all. */
    @Transactional(readOnly = true)
    public List<CouponView> couponsAfter(long memberId, long afterId, int limit) {
        List<Coupon> found = coupons.selectList(new LambdaQueryWrapper<Coupon>().eq(Coupon::getMemberId, memberId)
                .gt(Coupon::getId, afterId).orderByAsc(Coupon::getId).last("LIMIT " + limit));
        Map<Long, CouponTemplate> byId = templatesOf(found);
        return found.stream().map(c -> CouponViews.of(c, byId.get(c.getTemplateId()), clock.instant())).toList();
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
        return new RevokeResult(CouponViews.of(coupons.selectById(couponId), templates.selectById(coupon.getTemplateId()),
                clock.instant()), returned);
    }

    private void createQuotaRow(long templateId, long memberId) {
        try {
            quotas.create(templateId, memberId);
        } catch (DuplicateKeyException createdConcurrently) {
            // another request of this member created it first
        }
    }

    private RedeemResult replay(Coupon coupon, long templateId, String key) {
        if (coupon.getTemplateId() != templateId) {
            throw new IdempotencyConflictException(key);
        }
        return new RedeemResult(CouponViews.of(coupon, templates.selectById(templateId), clock.instant()),
                points.balance(coupon.getMemberId()), true);
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

    private Map<Long, CouponTemplate> templatesOf(List<Coupon> list) {
        List<Long> ids = list.stream().map(Coupon::getTemplateId).distinct().toList();
        return ids.isEmpty() ? Map.of() : templates.selectByIds(ids).stream()
                .collect(Collectors.toMap(CouponTemplate::getId, Function.identity()));
    }

    /** A template in the mall, with how many of it this member already holds. */
    public record MallItem(CouponTemplateView template, int redeemedByMe) {
    }

    public record RevokeResult(CouponView coupon, long pointsReturned) {
    }
}
