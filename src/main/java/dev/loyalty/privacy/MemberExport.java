package dev.loyalty.privacy;

import dev.loyalty.audit.AuditTrail;
import dev.loyalty.counter.CounterService;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.member.MemberRecord;
import dev.loyalty.member.MemberService;
import dev.loyalty.notify.NotificationService;
import dev.loyalty.points.PointsService;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.signin.SignInService;
import dev.loyalty.wallet.WalletPayHistory;
import dev.loyalty.wallet.WalletService;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON document with everything held about a member, each section read through the module that owns it.
 * Histories are read a page at a time and written as they are read, so a long history is never held whole.
 */
@Service
public class MemberExport {

    static final int PAGE = 500;

    private final MemberService members;
    private final PointsService points;
    private final WalletService wallets;
    private final CouponMall coupons;
    private final SignInService signIns;
    private final CounterService counter;
    private final RebateService rebates;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    MemberExport(MemberService members, PointsService points, WalletService wallets, CouponMall coupons,
            SignInService signIns, CounterService counter, RebateService rebates, NotificationService notifications,
            AuditTrail audit, JsonMapper json, Clock clock) {
        this.members = members;
        this.points = points;
        this.wallets = wallets;
        this.coupons = coupons;
        this.signIns = signIns;
        this.counter = counter;
        this.rebates = rebates;
        this.notifications = notifications;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Reads the member's own profile first ({@code NOT_FOUND} for no such member, before anything is written);
     * the phone in full when {@code forTheMember}, masked for an operator, whose export is audited as
     * {@code MEMBER_EXPORTED}. Answers the writer of the document, which reads the rest outside this transaction.
     */
    @Transactional
    public Document prepare(long memberId, boolean forTheMember) {
        MemberRecord profile = members.record(memberId, forTheMember);
        if (!forTheMember) {
            audit.record("MEMBER_EXPORTED", "member:" + memberId, null, Map.of("memberId", memberId));
        }
        return out -> write(profile, out);
    }

    /** Writes the document to a stream. */
    @FunctionalInterface
    public interface Document {
        void writeTo(OutputStream out);
    }

    private void write(MemberRecord profile, OutputStream out) {
        long id = profile.id();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("memberId");
            g.writeNumber(id);
            g.writeName("exportedAt");
            g.writePOJO(clock.instant());
            g.writeName("profile");
            g.writePOJO(profile);
            g.writeName("staff");
            g.writePOJO(counter.staffBinding(id).orElse(null));

            g.writeName("points");
            g.writeStartObject();
            g.writeName("summary");
            g.writePOJO(points.summary(id));
            g.writeName("ledger");
            pages(g, after -> points.ledgerAfter(id, after, PAGE), line -> line.id());
            g.writeName("lots");
            pages(g, after -> points.lotsAfter(id, after, PAGE), lot -> lot.id());
            g.writeEndObject();

            g.writeName("wallet");
            g.writeStartObject();
            g.writeName("balance");
            g.writePOJO(wallets.wallet(id));
            g.writeName("ledger");
            pages(g, after -> wallets.ledgerAfter(id, after, PAGE), line -> line.id());
            WalletPayHistory paid = wallets.payHistory(id);
            g.writeName("topUpOrders");
            g.writePOJO(paid.topUpOrders());
            g.writeName("cashOuts");
            g.writePOJO(paid.cashOuts());
            g.writeEndObject();

            g.writeName("coupons");
            pages(g, after -> coupons.couponsAfter(id, after, PAGE), coupon -> coupon.id());
            g.writeName("signIns");
            pages(g, after -> signIns.signInsAfter(id, after, PAGE), signIn -> signIn.id());
            g.writeName("purchases");
            pages(g, after -> counter.purchasesOf(id, after, PAGE), purchase -> purchase.id());
            g.writeName("rebates");
            g.writePOJO(rebates.rebatesOf(id));

            g.writeName("officialAccount");
            g.writeStartObject();
            g.writeName("follower");
            g.writePOJO(notifications.followerOf(id).orElse(null));
            g.writeName("subscriptions");
            g.writePOJO(notifications.subscriptionsOf(id));
            g.writeEndObject();
            g.writeName("notifications");
            pages(g, after -> notifications.messagesAfter(id, after, PAGE), message -> message.id());
            g.writeEndObject();
        }
    }

    /** An array of every row the pages give, read {@link #PAGE} at a time after the last id written. */
    private static <T> void pages(JsonGenerator g, LongFunction<List<T>> page, ToLongFunction<T> idOf) {
        g.writeStartArray();
        long after = 0;
        while (true) {
            List<T> rows = page.apply(after);
            for (T row : rows) {
                g.writePOJO(row);
            }
            if (rows.size() < PAGE) {
                break;
            }
            after = idOf.applyAsLong(rows.get(rows.size() - 1));
            g.flush();
        }
        g.writeEndArray();
    }
}
