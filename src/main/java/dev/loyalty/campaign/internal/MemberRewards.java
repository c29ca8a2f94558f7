package dev.loyalty.campaign.internal;

import dev.loyalty.coupon.CouponMall;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives one member what a grant or a campaign gives: a free coupon of a template, GRANT points, or both, in the
 * caller's transaction (which first claims the member's row, so that a refusal rolls back all of it). The same key
 * for the member again answers the first coupon and changes no points. The one place the campaign module gives.
 */
@Component
public class MemberRewards {

    private final CouponMall mall;
    private final PointsService points;

    MemberRewards(CouponMall mall, PointsService points) {
        this.mall = mall;
        this.points = points;
    }

    /**
     * The coupon is issued under {@code key}, the points under {@code key:memberId}; {@code reference} and
     * {@code remark} go on the points row. A null template or points gives none of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Given give(long memberId, Long templateId, Long pointsAmount, String key, String reference, String remark) {
        Long couponId = templateId == null ? null : mall.issueFree(memberId, templateId, key);
        Long entryId = pointsAmount == null ? null
                : points.earn(new PointsMovement(memberId, pointsAmount, PointsSource.GRANT, key + ":" + memberId,
                        reference, remark)).entryId();
        return new Given(couponId, entryId);
    }

    /** The coupon issued and the points ledger row written, each null when not given. */
    public record Given(Long couponId, Long pointsEntryId) {
    }
}
