package dev.loyalty.privacy;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.common.persistence.RaceRetry;
import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.CounterService;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.member.MemberService;
import dev.loyalty.notify.MemberMessages;
import dev.loyalty.notify.NotificationService;
import dev.loyalty.points.PointsAccountClosedException;
import dev.loyalty.points.PointsService;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.wallet.TopUpOrders;
import dev.loyalty.wallet.WalletService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a member's account, in one transaction: refused while their wallet holds stored value
 * ({@code WALLET_NOT_EMPTY}); otherwise their unused coupons are revoked (stock and quota return, no points),
 * their points balance is written off (one WRITE_OFF row, lots emptied, the account closed so nothing credits
 * it later), their staff binding is removed, their pending rebates are rejected ("member deleted"), their
 * follower link, subscriptions and messages' contents are erased, and the member row is anonymised
 * (status DELETED). Ledgers, purchases and rebates stay under the member id. Audited as {@code MEMBER_DELETED}
 * with the member or the operator as actor. Deleting a deleted member again changes nothing.
 */
@Service
public class MemberDeletion {

    private final MemberService members;
    private final WalletService wallets;
    private final TopUpOrders topUps;
    private final CouponMall coupons;
    private final PointsService points;
    private final CounterService counter;
    private final RebateService rebates;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    MemberDeletion(MemberService members, WalletService wallets, TopUpOrders topUps, CouponMall coupons, PointsService points,
            CounterService counter, RebateService rebates, NotificationService notifications, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.members = members;
        this.wallets = wallets;
        this.topUps = topUps;
        this.coupons = coupons;
        this.points = points;
        this.counter = counter;
        this.rebates = rebates;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Deletes the member's account as the current caller (the member themself, or an operator). */
    public void delete(long memberId) {
        Actor actor = Actor.current();
        // a top-up order paid at WeChat Pay but not yet heard of is credited now (so the wallet is not empty and the
        // deletion is refused: cash-out first), the others closed, so no payment arrives for a deleted member
        topUps.settleOpenOrdersOf(memberId);
        try {
            RaceRetry.onLockLost("member deletion", () -> tx.execute(status -> deleteNow(actor, memberId)));
        } catch (PointsAccountClosedException deletedMeanwhile) {
            // a concurrent deletion of the same member committed first: it is done
        }
    }

    private Boolean deleteNow(Actor actor, long memberId) {
        // the member row is written last, so locks are taken in the order a sign-in or a purchase takes them
        // (points account, then member); of two deletions at once, the second finds the points account closed
        if (!members.stillActive(memberId)) {
            return false;
        }
        wallets.closeEmptyForDeletion(memberId);
        int couponsRevoked = coupons.revokeUnusedOfDeletedMember(memberId);
        long pointsWrittenOff = points.writeOffAndClose(memberId);
        Optional<Long> staffStore = counter.unbindDeletedMember(memberId);
        int rebatesRejected = rebates.rejectPendingOfDeletedMember(memberId);
        MemberMessages.Erased erased = notifications.erase(memberId);
        members.erase(memberId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "DELETED");
        after.put("pointsWrittenOff", pointsWrittenOff);
        after.put("couponsRevoked", couponsRevoked);
        after.put("rebatesRejected", rebatesRejected);
        after.put("staffStoreId", staffStore.orElse(null));
        after.put("followersUnlinked", erased.followers());
        after.put("subscriptionsRemoved", erased.subscriptions());
        after.put("notificationsErased", erased.messages());
        audit.record(actor, "MEMBER_DELETED", "member:" + memberId, Map.of("status", "ACTIVE"), after);
        return true;
    }
}
