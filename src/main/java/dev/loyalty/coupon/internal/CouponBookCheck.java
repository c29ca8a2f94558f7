package dev.loyalty.coupon.internal;

import dev.loyalty.common.integrity.BookCheck;
import dev.loyalty.common.integrity.Drift;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code COUPON_TAKEN}: every template's {@code taken} = the coupons issued of it less those returned. A
 * redemption or a free issue takes one unit in the transaction that writes the coupon; only an operator's revoke
 * gives it back (the coupon REVOKED); a coupon used, expired, or given back to its member by a refunded checkout
 * (UNUSED again) keeps its unit. So taken = COUNT(coupons of the template not REVOKED).
 *
 * <p>{@code COUPON_QUOTA}: the same per member, against the per-member limit's counter: a member's
 * {@code coupon_member_quota.taken} for a template = their coupons of it not REVOKED (the drift's id is the
 * template; {@code what} names the member).
 */
@Component
class CouponBookCheck implements BookCheck {

    private final CouponCheckMapper check;

    CouponBookCheck(CouponCheckMapper check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "couponTemplates";
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Batch check(long afterId, int limit) {
        List<CouponTemplate> templates = check.templatesAfter(afterId, limit);
        if (templates.isEmpty()) {
            return Batch.none();
        }
        long last = templates.get(templates.size() - 1).getId();
        Map<Long, Long> held = new HashMap<>();
        check.heldCounts(afterId, last).forEach(row -> held.put(BookCheck.number(row, "template_id"), BookCheck.number(row, "total")));
        List<Drift> drift = new ArrayList<>();
        for (CouponTemplate template : templates) {
            long issued = held.getOrDefault(template.getId(), 0L);
            if (template.getTaken() != issued) {
                drift.add(new Drift("COUPON_TAKEN", template.getId(), issued, template.getTaken(), "coupon template "
                        + template.getId() + " counts " + template.getTaken() + " taken, " + issued
                        + " of its coupons are issued and not revoked"));
            }
        }
        for (Map<String, Object> row : check.quotaDisagreements(afterId, last)) {
            long template = BookCheck.number(row, "template_id");
            long member = BookCheck.number(row, "member_id");
            long taken = BookCheck.number(row, "taken");
            long issued = BookCheck.number(row, "held");
            drift.add(new Drift("COUPON_QUOTA", template, issued, taken, "member " + member + "'s quota of coupon template "
                    + template + " counts " + taken + " taken, " + issued + " of their coupons of it are issued and not revoked"));
        }
        return new Batch(templates.size(), last, drift);
    }
}
