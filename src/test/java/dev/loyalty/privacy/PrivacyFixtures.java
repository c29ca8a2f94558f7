package dev.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.notify.NotificationService;
import dev.loyalty.rebate.RebatePolicyView;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.support.Actors;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A store with a cashier, and members with a history of every kind, for the export and deletion tests. */
abstract class PrivacyFixtures extends IntegrationTest {

    @Autowired
    CounterService counter;

    @Autowired
    RebateService rebates;

    @Autowired
    NotificationService notifications;

    Api admin;
    Api cashier;
    long storeId;
    long cashierId;
    private RebatePolicyView policyBefore;

    /** A member: their id, their login code and their app. */
    record Member(long id, String code, Api app) {
    }

    @BeforeEach
    void openAStore() {
        admin = api.as(loginAdmin());
        storeId = admin.post("/api/admin/stores", Map.of("name", "Privacy Store")).json().path("id").asLong();
        String cashierCode = unique("privacy-cashier");
        cashierId = memberId(cashierCode);
        admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", storeId));
        cashier = api.as(loginMember(cashierCode));
        policyBefore = rebates.policy();
        // rebates wait for an operator, so a member's rebate is still PENDING when they delete their account
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, false, List.of(new RebatePolicyView.Tier(1_000, 10)))));
    }

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(policyBefore));
    }

    Member member() {
        String code = unique("pipl");
        long id = memberId(code);
        return new Member(id, code, api.as(loginMember(code)));
    }

    /**
     * A member with a profile and phone, a rebate (settled in a month of its own far ahead), a sign-in, a purchase
     * refunded in part, a coupon redeemed and used, a wallet top-up and payment (stored value is left), a follower
     * linked by a bind QR code, a subscribe-message grant, and the notifications all that wrote.
     */
    Member memberWithHistory() {
        Member m = member();
        rebateFor(m.id());
        assertThat(m.app().patch("/api/app/me", Map.of("nickname", "Privacy " + m.id(), "birthday", "1990-05-06")).status())
                .isEqualTo(200);
        assertThat(m.app().put("/api/app/me/phone", Map.of("code", "phone-code")).status()).isEqualTo(200);
        assertThat(m.app().post("/api/app/sign-ins", null).status()).isEqualTo(200);
        String order = unique("O");
        ok(cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(m.app()), "orderNo", order, "amountCents", 20_000)));
        ok(cashier.post("/api/staff/purchases/" + order + "/refund", Map.of("amountCents", 5_000)));
        long template = template(10);
        String coupon = redeem(m, template).path("code").asString();
        ok(cashier.post("/api/staff/coupons/verify", Map.of("code", coupon)));
        ok(cashier.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(m.app()), "orderNo", unique("T"), "amountCents", 10_000)));
        ok(cashier.post("/api/staff/wallet/payments", Map.of("memberCode", memberCode(m.app()), "orderNo", unique("W"), "amountCents", 3_000)));
        String ticket = m.app().post("/api/app/official-account/bind-qrcode", null).json().path("ticket").asString();
        notifications.followed("mp-" + m.code(), ticket.substring("ticket-".length()));
        assertThat(notifications.linked(m.id())).isTrue();
        ok(m.app().post("/api/app/subscriptions", Map.of("templateId", "tpl-mini-points")));
        return m;
    }

    /** A PENDING rebate of the member, on a purchase in a month no other member buys in. */
    void rebateFor(long memberId) {
        int year = 2300 + (int) (memberId % 600);
        clock.pinAt(LocalDate.of(year, 2, 10));
        counter.recordPurchaseFor(new StaffBinding(cashierId, storeId), memberId, unique("R"), 20_000);
        clock.pinAt(LocalDate.of(year, 3, 2));
        assertThat(rebates.settle(year + "-02").settled()).isEqualTo(1);
        clock.reset();
    }

    long template(long pointsPrice) {
        Api.Response created = admin.post("/api/admin/coupon-templates", Map.of("name", "Privacy coupon", "type", "CASH",
                "thresholdCents", 0, "discountCents", 500, "pointsPrice", pointsPrice, "totalStock", 100,
                "perMemberLimit", 5, "validDays", 30, "enabled", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    JsonNode redeem(Member m, long template) {
        Api.Response redeemed = m.app().with("Idempotency-Key", unique("k")).post("/api/app/mall/items/" + template + "/redeem", null);
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        return redeemed.json().path("coupon");
    }

    /**
     * Empties the member's wallet: pays its whole balance at the counter. (Once members can cash out, this becomes
     * {@code m.app().post("/api/app/wallet/cash-out", null)}.)
     */
    /** The member cashes their wallet out (what came in as cash at the counter goes back as cash), closing it. */
    JsonNode emptyWallet(Member m) {
        JsonNode cashOut = ok(m.app().post("/api/app/wallet/cash-out", null)).json();
        assertThat(m.app().get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
        return cashOut;
    }

    List<Long> ids(String table, long memberId) {
        return jdbc.queryForList("SELECT id FROM " + table + " WHERE member_id = ? ORDER BY id", Long.class, memberId);
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }
}
