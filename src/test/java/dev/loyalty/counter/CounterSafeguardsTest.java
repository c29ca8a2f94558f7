package dev.loyalty.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member code pays for one order; staff never serve themselves; one order has a ceiling. */
class CounterSafeguardsTest extends IntegrationTest {

    Api admin;
    Api cashier;
    Api otherStoreCashier;
    Api customer;
    long cashierId;
    long customerId;
    long east;
    long north;

    @BeforeEach
    void twoStoresAndACustomer() {
        admin = api.as(loginAdmin());
        east = store("East");
        north = store("North");
        String cashierCode = unique("cashier");
        cashierId = memberId(cashierCode);
        cashier = staffOf(cashierCode, east);
        otherStoreCashier = staffOf(unique("cashier"), north);
        String customerCode = unique("customer");
        customerId = memberId(customerCode);
        customer = api.as(loginMember(customerCode));
    }

    @Test
    void oneMemberCodeFromTwentyTillsPaysExactlyOnce() throws Exception {
        topUp(4_000);
        String code = memberCode(customer);
        List<Api.Response> responses = AllAtOnce.run(60, i -> {
            Api till = i % 2 == 0 ? cashier : otherStoreCashier;
            return () -> till.post("/api/staff/wallet/payments",
                    Map.of("memberCode", code, "orderNo", unique("P"), "amountCents", 1_000));
        }, 20);
        int paid = 0;
        for (Api.Response response : responses) {
            if (response.status() == 200) {
                paid++;
            } else {
                assertThat(response.code()).as(response.text()).isEqualTo("MEMBER_CODE_USED");
                assertThat(response.status()).isEqualTo(409);
            }
        }

        assertThat(paid).isEqualTo(1);
        assertThat(customer.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_entry WHERE member_id = ? AND type = 'PAY'",
                Long.class, customerId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_purchase WHERE member_id = ?", Long.class, customerId))
                .isEqualTo(1);
    }

    @Test
    void aSpentCodeIsRefusedForANewOrderButItsOwnOrderReplays() {
        String code = memberCode(customer);
        String order = unique("A");
        Map<String, Object> purchase = Map.of("memberCode", code, "orderNo", order, "amountCents", 2_000);

        Api.Response first = cashier.post("/api/staff/purchases", purchase);
        Api.Response replay = cashier.post("/api/staff/purchases", purchase);
        Api.Response anotherOrder = cashier.post("/api/staff/purchases",
                Map.of("memberCode", code, "orderNo", unique("B"), "amountCents", 2_000));
        Api.Response topUpElsewhere = otherStoreCashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", code, "orderNo", unique("T"), "amountCents", 2_000));
        Api.Response paymentFromAnEmptyWallet = cashier.post("/api/staff/wallet/payments",
                Map.of("memberCode", code, "orderNo", unique("W"), "amountCents", 100));
        Api.Response resolve = cashier.post("/api/staff/members/resolve", Map.of("memberCode", code));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("pointsAwarded").asLong()).isEqualTo(first.json().path("pointsAwarded").asLong());
        assertThat(anotherOrder.code()).isEqualTo("MEMBER_CODE_USED");
        assertThat(topUpElsewhere.code()).isEqualTo("MEMBER_CODE_USED");
        assertThat(paymentFromAnEmptyWallet.code()).as("a spent code is refused before anything else")
                .isEqualTo("MEMBER_CODE_USED");
        assertThat(resolve.status()).as("resolving stays read-only").isEqualTo(200);
        assertThat(customer.get("/api/app/points").json().path("balance").asLong()).isEqualTo(20);
        assertThat(customer.get("/api/app/wallet").json().path("balanceCents").asLong()).isZero();
    }

    @Test
    void theCardIsGivenAFreshCodeOnceItsCodeIsSpent() {
        String shown = memberCode(customer);
        Api.Response unchanged = customer.get("/api/app/member-code?current=" + shown);
        cashier.post("/api/staff/purchases", Map.of("memberCode", shown, "orderNo", unique("A"), "amountCents", 100));

        Api.Response fresh = customer.get("/api/app/member-code?current=" + shown);
        String next = fresh.json().path("code").asString();
        Api.Response paidWithFresh = cashier.post("/api/staff/purchases",
                Map.of("memberCode", next, "orderNo", unique("B"), "amountCents", 100));

        assertThat(unchanged.json().path("code").asString()).isEqualTo(shown);
        assertThat(next).matches("\\d{18}").isNotEqualTo(shown);
        assertThat(paidWithFresh.status()).as(paidWithFresh.text()).isEqualTo(200);
    }

    @Test
    void aCodeNearItsEndOrOfAnotherMemberIsReplacedOnTheCard() {
        String shown = memberCode(customer);
        clock.advance(Duration.ofSeconds(45));
        String later = customer.get("/api/app/member-code?current=" + shown).json().path("code").asString();
        String othersCode = memberCode(cashier);
        String notMine = customer.get("/api/app/member-code?current=" + othersCode).json().path("code").asString();

        assertThat(later).isNotEqualTo(shown);
        assertThat(notMine).isNotEqualTo(othersCode);
        assertThat(cashier.post("/api/staff/members/resolve", Map.of("memberCode", notMine)).json().path("memberId")
                .asLong()).isEqualTo(customerId);
    }

    @Test
    void aCodeRevealsNothingAboutTheMember() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            codes.add(customer.get("/api/app/member-code").json().path("code").asString());
        }

        assertThat(codes).hasSizeGreaterThan(15);
        assertThat(codes).allSatisfy(code -> assertThat(code).matches("\\d{18}")
                .doesNotStartWith(String.format("%010d", customerId)));
        assertThat(codes).allSatisfy(code -> assertThat(cashier.post("/api/staff/members/resolve",
                Map.of("memberCode", code)).json().path("memberId").asLong()).isEqualTo(customerId));
    }

    @Test
    void staffCannotServeTheirOwnMemberAccount() {
        String own = memberCode(cashier);

        Api.Response purchase = cashier.post("/api/staff/purchases",
                Map.of("memberCode", own, "orderNo", unique("S"), "amountCents", 100_000_000));
        Api.Response topUp = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", own, "orderNo", unique("S"), "amountCents", 100_000));
        Api.Response payment = cashier.post("/api/staff/wallet/payments",
                Map.of("memberCode", own, "orderNo", unique("S"), "amountCents", 100));

        assertThat(List.of(purchase, topUp, payment)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("STAFF_SELF_SERVICE");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_purchase WHERE member_id = ?", Long.class, cashierId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_entry WHERE member_id = ?", Long.class, cashierId))
                .isZero();
    }

    @Test
    void staffCannotRefundTheirOwnPurchaseNorUseTheirOwnCoupon() {
        String order = unique("R");
        otherStoreCashier.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(cashier), "orderNo", order, "amountCents", 50_000));
        long template = admin.post("/api/admin/coupon-templates", Map.of("name", "10 yuan off", "type", "CASH",
                "thresholdCents", 5000, "discountCents", 1000, "pointsPrice", 100, "totalStock", 10, "perMemberLimit", 1,
                "validDays", 30, "enabled", true)).json().path("id").asLong();
        String couponCode = cashier.with("Idempotency-Key", unique("k")).post("/api/app/mall/items/" + template + "/redeem", null)
                .json().path("coupon").path("code").asString();
        admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", north));

        Api.Response refund = cashier.post("/api/staff/purchases/" + order + "/refund", null);
        Api.Response verify = cashier.post("/api/staff/coupons/verify", Map.of("code", couponCode));

        assertThat(refund.code()).as(refund.text()).isEqualTo("STAFF_SELF_SERVICE");
        assertThat(verify.code()).as(verify.text()).isEqualTo("STAFF_SELF_SERVICE");
        assertThat(otherStoreCashier.post("/api/staff/coupons/verify", Map.of("code", couponCode)).status()).isEqualTo(200);
    }

    @Test
    void anOrderAboveTheCeilingIsRefusedWithNothingWritten() {
        Api.Response purchase = cashier.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("X"), "amountCents", 1_000_001));
        Api.Response topUp = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("X"), "amountCents", 100_000_000));
        Api.Response payment = cashier.post("/api/staff/wallet/payments",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("X"), "amountCents", 1_000_001));
        Api.Response atTheCeiling = cashier.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("X"), "amountCents", 1_000_000));

        assertThat(List.of(purchase, topUp, payment)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("AMOUNT_OVER_LIMIT");
        });
        assertThat(atTheCeiling.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_purchase WHERE member_id = ?", Long.class, customerId))
                .isEqualTo(1);
    }

    private void topUp(long cents) {
        Api.Response response = cashier.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("T"), "amountCents", cents));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private long store(String name) {
        return admin.post("/api/admin/stores", Map.of("name", name)).json().path("id").asLong();
    }

    private Api staffOf(String code, long storeId) {
        admin.post("/api/admin/staff", Map.of("memberId", memberId(code), "storeId", storeId));
        return api.as(loginMember(code));
    }
}
