package dev.loyalty.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Checkouts at the counter through the HTTP API: a coupon and points pay part of an order, cash the rest. */
class CheckoutTest extends IntegrationTest {

    private static final String CHECKOUTS = "/api/staff/checkouts";

    @Autowired
    PointsService points;

    Api admin;
    Api cashier;
    Api customer;
    long customerId;
    long storeId;
    JsonNode ruleBefore;
    long pointsPerYuan;

    @BeforeEach
    void openAStoreWithACashierAndACustomer() {
        admin = api.as(loginAdmin());
        ruleBefore = admin.get("/api/admin/points-rule").json();
        pointsPerYuan = ruleBefore.path("pointsPerYuan").asLong();
        assertThat(admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", pointsPerYuan,
                "expiryDays", ruleBefore.path("expiryDays").asInt(), "pointsPerYuanRedeem", 100,
                "maxPointsPercent", 50)).status()).isEqualTo(200);
        storeId = admin.post("/api/admin/stores", Map.of("name", "Checkout Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", storeId));
        cashier = api.as(loginMember(cashierCode));
        String customerCode = unique("customer");
        customerId = memberId(customerCode);
        customer = api.as(loginMember(customerCode));
    }

    @AfterEach
    void putTheRuleBack() {
        admin.put("/api/admin/points-rule", ruleBefore);
    }

    @Test
    void aCouponAndPointsPayPartAndTheCashEarnsPoints() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String order = unique("S");

        Api.Response paid = cashier.post(CHECKOUTS, body(order, 10_000, coupon, 500));

        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        JsonNode bill = paid.json();
        long earned = earnedOn(8_500);
        assertThat(bill.path("orderNo").asString()).isEqualTo(order);
        assertThat(bill.path("amountCents").asLong()).isEqualTo(10_000);
        assertThat(bill.path("payableCents").asLong()).isEqualTo(8_500);
        assertThat(bill.path("couponDiscountCents").asLong()).isEqualTo(1_000);
        assertThat(bill.path("pointsUsed").asLong()).isEqualTo(500);
        assertThat(bill.path("pointsDiscountCents").asLong()).isEqualTo(500);
        assertThat(bill.path("pointsEarned").asLong()).isEqualTo(earned);
        assertThat(bill.path("pointsBalance").asLong()).isEqualTo(1_000 - 500 + earned);
        assertThat(couponStatus(coupon)).isEqualTo("USED");
        assertThat(jdbc.queryForObject("SELECT order_no FROM coupon WHERE code = ?", String.class, coupon)).isEqualTo(order);
        assertThat(jdbc.queryForObject("SELECT store_id FROM coupon WHERE code = ?", Long.class, coupon)).isEqualTo(storeId);
        assertThat(ledger()).extracting(e -> e.get("delta")).containsExactly(1_000L, -500L, earned);
        assertThat(ledger()).extracting(e -> e.get("source")).containsExactly("ADMIN", "CHECKOUT", "PURCHASE");
        assertThat(balance()).isEqualTo(1_000 - 500 + earned).isEqualTo(ledgerSum());
        assertThat(jdbc.queryForObject("SELECT amount_cents FROM counter_purchase WHERE store_id = ? AND order_no = ?",
                Long.class, storeId, order)).isEqualTo(8_500);
        assertThat(admin.get("/api/admin/audit-log?action=CHECKOUT_RECORDED&size=100").json().path("items").valueStream()
                .anyMatch(e -> e.path("target").asString().equals("checkout:" + storeId + ":" + order))).isTrue();
    }

    @Test
    void aCouponBelowItsThresholdRefusesTheWholeCheckoutAndTheCodeStaysUsable() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String memberCode = memberCode(customer);
        String order = unique("T");

        Api.Response refused = cashier.post(CHECKOUTS, Map.of("memberCode", memberCode, "orderNo", order,
                "amountCents", 4_999, "couponCode", coupon, "pointsToUse", 500));
        Api.Response retried = cashier.post(CHECKOUTS, Map.of("memberCode", memberCode, "orderNo", order,
                "amountCents", 4_999, "pointsToUse", 500));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("COUPON_THRESHOLD_NOT_MET");
        assertThat(retried.status()).as("the same scan pays the order without the coupon").isEqualTo(200);
        assertThat(retried.json().path("pointsUsed").asLong()).isEqualTo(500);
        assertThat(couponStatus(coupon)).isEqualTo("UNUSED");
        assertThat(ledger()).extracting(e -> e.get("delta")).startsWith(1_000L, -500L).hasSize(earnedOn(4_499) > 0 ? 3 : 2);
    }

    @Test
    void aRefusedCheckoutWritesNothing() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String order = unique("N");

        Api.Response refused = cashier.post(CHECKOUTS, body(order, 4_000, coupon, 500));

        assertThat(refused.code()).isEqualTo("COUPON_THRESHOLD_NOT_MET");
        assertThat(couponStatus(coupon)).isEqualTo("UNUSED");
        assertThat(balance()).isEqualTo(1_000);
        assertThat(ledger()).hasSize(1);
        assertThat(count("counter_purchase", order)).isZero();
        assertThat(count("checkout_order", order)).isZero();
    }

    @Test
    void pointsBeyondTheCapOrTheBalanceAreClampedAndReported() {
        give(10_000);

        JsonNode capped = cashier.post(CHECKOUTS, body(unique("C"), 1_000, null, 5_000)).json();
        JsonNode all = cashier.post(CHECKOUTS, body(unique("C"), 100_000, null, 1_000_000)).json();

        assertThat(capped.path("pointsUsed").asLong()).as("half of 10 yuan").isEqualTo(500);
        assertThat(capped.path("pointsDiscountCents").asLong()).isEqualTo(500);
        assertThat(capped.path("payableCents").asLong()).isEqualTo(500);
        long left = 10_000 - 500 + earnedOn(500);
        assertThat(all.path("pointsUsed").asLong()).as("all the balance left").isEqualTo(left);
        assertThat(all.path("payableCents").asLong()).isEqualTo(100_000 - left);
        assertThat(balance()).isEqualTo(ledgerSum()).isEqualTo(earnedOn(100_000 - left));
    }

    @Test
    void pointsPayInWholeCentsAndNotAtAllWhenSwitchedOff() {
        give(1_000);
        admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", pointsPerYuan, "expiryDays",
                ruleBefore.path("expiryDays").asInt(), "pointsPerYuanRedeem", 1_000, "maxPointsPercent", 50));
        JsonNode rounded = cashier.post(CHECKOUTS, body(unique("R"), 10_000, null, 105)).json();
        admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", pointsPerYuan, "expiryDays",
                ruleBefore.path("expiryDays").asInt(), "pointsPerYuanRedeem", 100, "maxPointsPercent", 0));
        JsonNode off = cashier.post(CHECKOUTS, body(unique("R"), 10_000, null, 100)).json();

        assertThat(rounded.path("pointsUsed").asLong()).as("10 points make a cent").isEqualTo(100);
        assertThat(rounded.path("pointsDiscountCents").asLong()).isEqualTo(10);
        assertThat(off.path("pointsUsed").asLong()).isZero();
        assertThat(off.path("payableCents").asLong()).isEqualTo(10_000);
    }

    @Test
    void aPercentCouponTakesItsPercentOffUpToItsCap() {
        String tenPercent = coupon(Map.of("type", "DISCOUNT", "thresholdCents", 0, "discountPercent", 10,
                "maxDiscountCents", 500));

        JsonNode bill = cashier.post(CHECKOUTS, body(unique("P"), 10_000, tenPercent, 0)).json();

        assertThat(bill.path("couponDiscountCents").asLong()).as("10% of 100 yuan, at most 5").isEqualTo(500);
        assertThat(bill.path("payableCents").asLong()).isEqualTo(9_500);
    }

    @Test
    void twentyCheckoutsAtOnceNeverOverdrawTheMembersPoints() throws Exception {
        give(1_000);
        List<Map<String, Object>> bodies = new ArrayList<>();
        Set<Object> codes = new HashSet<>();
        while (bodies.size() < 20) {
            Map<String, Object> body = body(unique("K"), 10_000, null, 200);
            // a code pays for one order: two draws of the same code (1 in 1,000 nonces) would be one order too many
            if (codes.add(body.get("memberCode"))) {
                bodies.add(body);
            }
        }
        List<Api.Response> responses = AllAtOnce.run(bodies.size(), i -> () -> cashier.post(CHECKOUTS, bodies.get(i)), 20);
        long used = 0;
        long earned = 0;
        for (Api.Response response : responses) {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().path("pointsUsed").asLong()).isBetween(0L, 200L);
            used += response.json().path("pointsUsed").asLong();
            earned += response.json().path("pointsEarned").asLong();
        }

        assertThat(used).isGreaterThanOrEqualTo(1_000);
        assertThat(balance()).isEqualTo(1_000 - used + earned).isEqualTo(ledgerSum()).isNotNegative();
        assertThat(jdbc.queryForObject("SELECT MIN(balance_after) FROM points_entry WHERE member_id = ?", Long.class,
                customerId)).isNotNegative();
    }

    @Test
    void twoCheckoutsWithOneCouponAtOnceGiveItToExactlyOne() throws Exception {
        String coupon = cashCoupon(0, 100);
        List<Api.Response> answers = AllAtOnce.run(2, i -> {
            Map<String, Object> body = body(unique("Q"), 1_000, coupon, 0);
            return () -> cashier.post(CHECKOUTS, body);
        });

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).extracting(Api.Response::code)
                .containsExactly("COUPON_ALREADY_USED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkout_order WHERE member_id = ?", Long.class, customerId))
                .isEqualTo(1);
    }

    @Test
    void theSameOrderAgainAnswersTheFirstResultAndAnotherBodyIsAConflict() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String order = unique("I");
        Map<String, Object> body = body(order, 10_000, coupon, 500);

        Api.Response first = cashier.post(CHECKOUTS, body);
        Api.Response again = cashier.post(CHECKOUTS, body);
        Api.Response moreAmount = cashier.post(CHECKOUTS, body(order, 10_001, coupon, 500));
        Api.Response morePoints = cashier.post(CHECKOUTS, body(order, 10_000, coupon, 600));
        Api.Response noCoupon = cashier.post(CHECKOUTS, body(order, 10_000, null, 500));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(List.of(moreAmount.code(), morePoints.code(), noCoupon.code())).containsOnly("IDEMPOTENCY_CONFLICT");
        assertThat(ledger()).hasSize(earnedOn(8_500) > 0 ? 3 : 2);
        assertThat(count("counter_purchase", order)).isEqualTo(1);
        assertThat(count("checkout_order", order)).isEqualTo(1);
    }

    @Test
    void refundingHalfGivesBackHalfThePointsAndTheRestGivesBackTheRemainderAndTheCoupon() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String order = unique("H");
        cashier.post(CHECKOUTS, body(order, 10_000, coupon, 501));
        long earned = earnedOn(8_499);
        Api.Response asPurchase = cashier.post("/api/staff/purchases/" + order + "/refund", Map.of("amountCents", 4_249));
        assertThat(asPurchase.status()).as("points and coupon go back with the checkout refund").isEqualTo(409);
        assertThat(asPurchase.code()).isEqualTo("REFUND_ELSEWHERE");

        Api.Response half = cashier.post(CHECKOUTS + "/" + order + "/refund", Map.of("amountCents", 4_249));
        String afterHalf = couponStatus(coupon);
        Api.Response rest = cashier.post(CHECKOUTS + "/" + order + "/refund", null);
        Api.Response again = cashier.post(CHECKOUTS + "/" + order + "/refund", null);
        Api.Response unknown = cashier.post(CHECKOUTS + "/" + unique("none") + "/refund", null);

        assertThat(half.status()).as(half.text()).isEqualTo(200);
        assertThat(half.json().path("refundedCents").asLong()).isEqualTo(4_249);
        assertThat(half.json().path("pointsReturned").asLong()).as("floor(501 × 4249 / 8499)").isEqualTo(250);
        assertThat(half.json().path("pointsReversed").asLong()).isEqualTo(earned * 4_249 / 8_499);
        assertThat(half.json().path("couponReturned").asBoolean()).isFalse();
        assertThat(afterHalf).isEqualTo("USED");
        assertThat(rest.json().path("refundedCents").asLong()).isEqualTo(4_250);
        assertThat(rest.json().path("totalRefundedCents").asLong()).isEqualTo(8_499);
        assertThat(rest.json().path("pointsReturned").asLong()).isEqualTo(251);
        assertThat(rest.json().path("pointsReversed").asLong()).isEqualTo(earned - earned * 4_249 / 8_499);
        assertThat(rest.json().path("couponReturned").asBoolean()).isTrue();
        assertThat(rest.json().path("pointsBalance").asLong()).isEqualTo(1_000);
        assertThat(couponStatus(coupon)).isEqualTo("UNUSED");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(balance()).isEqualTo(1_000).isEqualTo(ledgerSum());
        assertThat(cashier.post(CHECKOUTS, body(unique("H2"), 10_000, coupon, 0)).json().path("couponDiscountCents")
                .asLong()).as("the coupon given back pays again").isEqualTo(1_000);
    }

    @Test
    void aRefundBeyondWhatWasPaidIsRefused() {
        String order = unique("B");
        cashier.post(CHECKOUTS, body(order, 1_000, null, 0));

        Api.Response beyond = cashier.post(CHECKOUTS + "/" + order + "/refund", Map.of("amountCents", 1_001));

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().path("errors").get(0).path("field").asString()).isEqualTo("amountCents");
    }

    @Test
    void aPreviewAnswersWhatTheCheckoutWillAndWritesNothing() {
        give(1_000);
        String coupon = cashCoupon(5_000, 1_000);
        String order = unique("V");
        String memberCode = memberCode(customer);
        Map<String, Object> body = Map.of("memberCode", memberCode, "orderNo", order, "amountCents", 10_000,
                "couponCode", coupon, "pointsToUse", 500);

        Api.Response preview = cashier.post(CHECKOUTS + "/preview", body);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(couponStatus(coupon)).isEqualTo("UNUSED");
        assertThat(balance()).isEqualTo(1_000);
        assertThat(ledger()).hasSize(1);
        assertThat(count("checkout_order", order)).isZero();
        assertThat(count("counter_purchase", order)).isZero();
        Api.Response paid = cashier.post(CHECKOUTS, body);
        assertThat(paid.status()).as("the member code is still unspent").isEqualTo(200);
        assertThat(paid.json()).isEqualTo(preview.json());
    }

    @Test
    void badInputIsAValidationProblemWithTheField() {
        assertThat(field(cashier.post(CHECKOUTS, body(unique("X"), 0, null, 0)))).isEqualTo("amountCents");
        assertThat(field(cashier.post(CHECKOUTS, body(unique("X"), 100, null, -1)))).isEqualTo("pointsToUse");
        assertThat(field(cashier.post(CHECKOUTS, body("no spaces", 100, null, 0)))).isEqualTo("orderNo");
        assertThat(customer.post(CHECKOUTS, body(unique("X"), 100, null, 0)).code()).isEqualTo("NOT_STAFF");
    }

    private Map<String, Object> body(String orderNo, long amountCents, String couponCode, long pointsToUse) {
        Map<String, Object> body = new HashMap<>(Map.of("memberCode", memberCode(customer), "orderNo", orderNo,
                "amountCents", amountCents, "pointsToUse", pointsToUse));
        if (couponCode != null) {
            body.put("couponCode", couponCode);
        }
        return body;
    }

    private void give(long amount) {
        points.earn(new PointsMovement(customerId, amount, PointsSource.ADMIN, unique("gift"), null, null));
    }

    /** A free CASH coupon of this store for the customer: {@code discountCents} off from {@code thresholdCents}. */
    private String cashCoupon(long thresholdCents, long discountCents) {
        return coupon(Map.of("type", "CASH", "thresholdCents", thresholdCents, "discountCents", discountCents));
    }

    private String coupon(Map<String, Object> kind) {
        Map<String, Object> template = new HashMap<>(Map.of("name", "Checkout coupon", "pointsPrice", 0,
                "totalStock", 10, "perMemberLimit", 10, "validDays", 30, "storeIds", List.of(storeId), "enabled", true));
        template.putAll(kind);
        Api.Response created = admin.post("/api/admin/coupon-templates", template);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api.Response redeemed = customer.with("Idempotency-Key", unique("k"))
                .post("/api/app/mall/items/" + created.json().path("id").asLong() + "/redeem", null);
        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        return redeemed.json().path("coupon").path("code").asString();
    }

    private long earnedOn(long cents) {
        return cents * pointsPerYuan / 100;
    }

    private String couponStatus(String code) {
        return jdbc.queryForObject("SELECT status FROM coupon WHERE code = ?", String.class, code);
    }

    private long balance() {
        return jdbc.queryForObject("SELECT balance FROM points_account WHERE member_id = ?", Long.class, customerId);
    }

    private long ledgerSum() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ?", Long.class,
                customerId);
    }

    private List<Map<String, Object>> ledger() {
        return jdbc.queryForList("SELECT delta, source FROM points_entry WHERE member_id = ? ORDER BY id", customerId);
    }

    private long count(String table, String orderNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE store_id = ? AND order_no = ?", Long.class,
                storeId, orderNo);
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }
}
