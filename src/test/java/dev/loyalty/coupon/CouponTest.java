package dev.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The mall and the counter through the HTTP API, as members, staff and operators use them. */
class CouponTest extends IntegrationTest {

    @Autowired
    PointsService points;

    Api admin;
    Api cashier;
    long storeId;

    @BeforeEach
    void openAStore() {
        admin = api.as(loginAdmin());
        storeId = admin.post("/api/admin/stores", Map.of("name", "Coupon Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", storeId));
        cashier = api.as(loginMember(cashierCode));
    }

    @Test
    void twoCouponsForTwoMembersThenOutOfStockThenUsedOnce() {
        long templateId = createTemplate(Map.of("pointsPrice", 50, "totalStock", 2, "perMemberLimit", 2));
        Api alice = memberWithPoints(120);
        Api bob = memberWithPoints(120);

        Api.Response first = alice.with("Idempotency-Key", "k1").post(redeem(templateId), null);
        Api.Response second = alice.with("Idempotency-Key", "k2").post(redeem(templateId), null);
        Api.Response third = bob.with("Idempotency-Key", "k1").post(redeem(templateId), null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("pointsBalance").asLong()).isEqualTo(20);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("OUT_OF_STOCK");
        assertThat(bob.get("/api/app/points").json().path("balance").asLong()).isEqualTo(120);
        assertThat(admin.get("/api/admin/coupon-templates/" + templateId).json().path("stockLeft").asLong()).isZero();

        String code = first.json().path("coupon").path("code").asString();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{12}");
        Api.Response used = cashier.post("/api/staff/coupons/verify", Map.of("code", code));
        Api.Response again = cashier.post("/api/staff/coupons/verify", Map.of("code", code));

        assertThat(used.status()).isEqualTo(200);
        assertThat(used.json().path("coupon").path("status").asString()).isEqualTo("USED");
        assertThat(used.json().path("coupon").path("storeId").asLong()).isEqualTo(storeId);
        assertThat(used.json().path("coupon").path("usedAt").asString()).isNotBlank();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("COUPON_ALREADY_USED");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameCouponAndChargesOnce() {
        long templateId = createTemplate(Map.of("pointsPrice", 30, "totalStock", 10, "perMemberLimit", 5));
        Api member = memberWithPoints(100).with("Idempotency-Key", "tap-1");

        Api.Response first = member.post(redeem(templateId), null);
        Api.Response repeat = member.post(redeem(templateId), null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("coupon").path("id").asLong()).isEqualTo(first.json().path("coupon").path("id").asLong());
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(70);
        assertThat(admin.get("/api/admin/coupon-templates/" + templateId).json().path("stockLeft").asLong()).isEqualTo(9);
    }

    @Test
    void refusalsLeavePointsAndStockUntouched() {
        long limited = createTemplate(Map.of("pointsPrice", 10, "totalStock", 10, "perMemberLimit", 1));
        long pricey = createTemplate(Map.of("pointsPrice", 500, "totalStock", 10, "perMemberLimit", 1));
        Api member = memberWithPoints(100);

        member.with("Idempotency-Key", "a").post(redeem(limited), null);
        Api.Response overLimit = member.with("Idempotency-Key", "b").post(redeem(limited), null);
        Api.Response tooPoor = member.with("Idempotency-Key", "c").post(redeem(pricey), null);
        Api.Response noKey = member.post(redeem(limited), null);

        assertThat(overLimit.code()).isEqualTo("REDEEM_LIMIT_REACHED");
        assertThat(tooPoor.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(90);
        assertThat(admin.get("/api/admin/coupon-templates/" + limited).json().path("stockLeft").asLong()).isEqualTo(9);
        assertThat(admin.get("/api/admin/coupon-templates/" + pricey).json().path("stockLeft").asLong()).isEqualTo(10);
        JsonNode mall = member.get("/api/app/mall/items").json();
        JsonNode item = mall.valueStream().filter(i -> i.path("templateId").asLong() == limited).findFirst().orElseThrow();
        assertThat(item.path("redeemedByMe").asInt()).isEqualTo(1);
    }

    @Test
    void aCouponIsUsableOnlyInItsStoresAndWithinItsValidity() {
        long otherStore = admin.post("/api/admin/stores", Map.of("name", "Elsewhere")).json().path("id").asLong();
        long elsewhereOnly = createTemplate(Map.of("pointsPrice", 0, "totalStock", 10, "perMemberLimit", 1,
                "storeIds", List.of(otherStore)));
        long week = createTemplate(Map.of("pointsPrice", 0, "totalStock", 10, "perMemberLimit", 1, "validDays", 7));
        Api member = memberWithPoints(1);
        String wrongStore = member.with("Idempotency-Key", "x").post(redeem(elsewhereOnly), null).json().path("coupon").path("code").asString();
        String shortLived = member.with("Idempotency-Key", "y").post(redeem(week), null).json().path("coupon").path("code").asString();

        assertThat(cashier.post("/api/staff/coupons/verify", Map.of("code", wrongStore)).code()).isEqualTo("COUPON_NOT_VALID_HERE");
        clock.advance(Duration.ofDays(8));
        cashier = api.as(loginMember(cashierCode()));
        assertThat(cashier.post("/api/staff/coupons/verify", Map.of("code", "LOYALTY-COUPON:" + shortLived)).code())
                .isEqualTo("COUPON_EXPIRED");
        Api.Response expired = api.as(loginMember(openidCodeOf(shortLived))).get("/api/app/coupons?status=EXPIRED");
        assertThat(expired.json().path("items").valueStream().map(c -> c.path("code").asString())).contains(shortLived);
    }

    @Test
    void revokingAnUnusedCouponReturnsItsPointsAndStock() {
        long templateId = createTemplate(Map.of("pointsPrice", 40, "totalStock", 5, "perMemberLimit", 1));
        Api member = memberWithPoints(100);
        long couponId = member.with("Idempotency-Key", "r").post(redeem(templateId), null).json().path("coupon").path("id").asLong();

        Api.Response revoked = admin.post("/api/admin/coupons/" + couponId + "/revoke", null);
        Api.Response twice = admin.post("/api/admin/coupons/" + couponId + "/revoke", null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("coupon").path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("pointsReturned").asLong()).isEqualTo(40);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(100);
        assertThat(admin.get("/api/admin/coupon-templates/" + templateId).json().path("stockLeft").asLong()).isEqualTo(5);
        assertThat(member.get("/api/app/coupons/" + couponId).json().path("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void templatesAreValidated() {
        Map<String, Object> base = template(Map.of());
        assertThat(field(admin.post("/api/admin/coupon-templates", with(base, "discountPercent", 100, "type", "DISCOUNT"))))
                .isEqualTo("discountPercent");
        assertThat(field(admin.post("/api/admin/coupon-templates", with(base, "pointsPrice", -1)))).isEqualTo("pointsPrice");
        Map<String, Object> window = new HashMap<>(base);
        window.remove("validDays");
        window.put("validFrom", "2031-05-10");
        window.put("validTo", "2031-05-01");
        assertThat(field(admin.post("/api/admin/coupon-templates", window))).isEqualTo("validTo");
        window.put("validTo", "+999999999-12-31");
        assertThat(field(admin.post("/api/admin/coupon-templates", window))).as("beyond what a DATE holds").isEqualTo("validTo");
        assertThat(field(admin.post("/api/admin/coupon-templates", with(base, "discountCents", 0)))).isEqualTo("discountCents");
    }

    private long createTemplate(Map<String, Object> overrides) {
        Api.Response created = admin.post("/api/admin/coupon-templates", template(overrides));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static Map<String, Object> template(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "10 yuan off", "type", "CASH", "thresholdCents", 5000,
                "discountCents", 1000, "pointsPrice", 50, "totalStock", 100, "perMemberLimit", 1, "validDays", 30,
                "enabled", true));
        body.putAll(overrides);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> body = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }

    private Api memberWithPoints(long amount) {
        String code = unique("shopper");
        long id = memberId(code);
        points.earn(new PointsMovement(id, amount, PointsSource.ADMIN, "gift:" + id, null, null));
        return api.as(loginMember(code));
    }

    private static String redeem(long templateId) {
        return "/api/app/mall/items/" + templateId + "/redeem";
    }

    private String cashierCode() {
        long cashierId = jdbc.queryForObject("SELECT member_id FROM counter_staff WHERE store_id = ?", Long.class, storeId);
        return jdbc.queryForObject("SELECT openid FROM member WHERE id = ?", String.class, cashierId).substring(3);
    }

    private String openidCodeOf(String couponCode) {
        return jdbc.queryForObject("SELECT m.openid FROM member m JOIN coupon c ON c.member_id = m.id WHERE c.code = ?",
                String.class, couponCode).substring(3);
    }
}
