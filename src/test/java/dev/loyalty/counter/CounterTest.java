package dev.loyalty.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterTest extends IntegrationTest {

    Api admin;
    Api cashier;
    Api customer;
    long customerId;
    long storeId;

    @BeforeEach
    void openAStoreWithACashier() {
        admin = api.as(loginAdmin());
        storeId = admin.post("/api/admin/stores", Map.of("name", "West Lake", "address", "1 Lake Rd")).json()
                .path("id").asLong();
        String cashierCode = unique("cashier");
        long cashierId = memberId(cashierCode);
        assertThat(admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", storeId)).status())
                .isEqualTo(200);
        cashier = api.as(loginMember(cashierCode));
        String customerCode = unique("customer");
        customerId = memberId(customerCode);
        customer = api.as(loginMember(customerCode));
    }

    @Test
    void aMemberWhoIsNotStaffCannotUseTheCounter() {
        Api.Response response = customer.post("/api/staff/members/resolve", Map.of("memberCode", memberCode()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("NOT_STAFF");
    }

    @Test
    void staffResolveAFreshMemberCode() {
        Api.Response code = customer.get("/api/app/member-code");
        Api.Response resolved = cashier.post("/api/staff/members/resolve", Map.of("memberCode", code.json().path("code").asString()));

        assertThat(code.json().path("code").asString()).matches("\\d{18}");
        assertThat(Instant.parse(code.json().path("expiresAt").asString()))
                .isBeforeOrEqualTo(Instant.now().plusSeconds(60));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("memberId").asLong()).isEqualTo(customerId);
        assertThat(resolved.json().path("pointsBalance").asLong()).isZero();
    }

    @Test
    void aMemberCodeIsRefusedAfterItsMinuteAndWithOneDigitChanged() {
        String code = memberCode();
        char last = code.charAt(code.length() - 1);
        String forged = code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));

        Api.Response tampered = cashier.post("/api/staff/members/resolve", Map.of("memberCode", forged));
        clock.advance(Duration.ofSeconds(61));
        cashier = api.as(loginMember(cashierOpenidCode()));
        Api.Response stale = cashier.post("/api/staff/members/resolve", Map.of("memberCode", code));

        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.code()).isEqualTo("MEMBER_CODE_INVALID");
        assertThat(stale.code()).isEqualTo("MEMBER_CODE_INVALID");
    }

    @Test
    void aPurchaseEarnsPointsOnceAndAConflictingReplayIsRefused() {
        String order = unique("A");
        Map<String, Object> purchase = Map.of("memberCode", memberCode(), "orderNo", order, "amountCents", 12_345);

        Api.Response first = cashier.post("/api/staff/purchases", purchase);
        Api.Response replay = cashier.post("/api/staff/purchases", purchase);
        Api.Response otherAmount = cashier.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(), "orderNo", order, "amountCents", 99));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("pointsAwarded").asLong()).isEqualTo(123);
        assertThat(first.json().path("pointsBalance").asLong()).isEqualTo(123);
        assertThat(replay.json().path("pointsAwarded").asLong()).isEqualTo(123);
        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.code()).isEqualTo("ORDER_CONFLICT");
        assertThat(customer.get("/api/app/points").json().path("balance").asLong()).isEqualTo(123);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ?", Long.class, customerId))
                .isEqualTo(1);
    }

    @Test
    void theSameOrderForAnotherMemberIsAConflict() {
        String order = unique("B");
        cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(), "orderNo", order, "amountCents", 500));
        String otherCode = unique("other");
        memberId(otherCode);
        String othersMemberCode = api.as(loginMember(otherCode)).get("/api/app/member-code").json().path("code").asString();

        Api.Response conflict = cashier.post("/api/staff/purchases",
                Map.of("memberCode", othersMemberCode, "orderNo", order, "amountCents", 500));

        assertThat(conflict.code()).isEqualTo("ORDER_CONFLICT");
    }

    @Test
    void partialRefundsSumToTheWholeAndReverseExactlyTheAward() {
        String order = unique("C");
        cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(), "orderNo", order, "amountCents", 10_000));

        Api.Response r1 = cashier.post("/api/staff/purchases/" + order + "/refund", Map.of("amountCents", 3_333));
        Api.Response r2 = cashier.post("/api/staff/purchases/" + order + "/refund", Map.of("amountCents", 3_333));
        Api.Response rest = cashier.post("/api/staff/purchases/" + order + "/refund", null);
        Api.Response beyond = cashier.post("/api/staff/purchases/" + order + "/refund", Map.of("amountCents", 1));

        assertThat(r1.json().path("pointsReversed").asLong()).isEqualTo(33);
        assertThat(r2.json().path("pointsReversed").asLong()).isEqualTo(33);
        assertThat(rest.json().path("pointsReversed").asLong()).isEqualTo(34);
        assertThat(rest.json().path("pointsBalance").asLong()).isZero();
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT SUM(delta) FROM points_entry WHERE member_id = ?", Long.class, customerId))
                .isZero();
    }

    @Test
    void twentyTillsReplayingOneOrderAtOnceAwardOnce() throws Exception {
        String order = unique("D");
        Map<String, Object> purchase = Map.of("memberCode", memberCode(), "orderNo", order, "amountCents", 5_000);
        for (Api.Response response : AllAtOnce.times(20, () -> cashier.post("/api/staff/purchases", purchase))) {
            assertThat(response.json().path("pointsAwarded").asLong()).isEqualTo(50);
        }

        assertThat(jdbc.queryForObject("SELECT balance FROM points_account WHERE member_id = ?", Long.class, customerId))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_purchase WHERE order_no = ?", Long.class, order))
                .isEqualTo(1);
    }

    @Test
    void storesAndBindingsAreAudited() {
        assertThat(admin.get("/api/admin/stores").json().valueStream().map(s -> s.path("id").asLong()))
                .contains(storeId);
        assertThat(admin.get("/api/admin/audit-log?action=STAFF_BOUND").json().path("total").asLong()).isPositive();
        assertThat(admin.post("/api/admin/staff", Map.of("memberId", customerId, "storeId", 999_999_999)).code())
                .isEqualTo("NOT_FOUND");
    }

    private String memberCode() {
        return customer.get("/api/app/member-code").json().path("code").asString();
    }

    private String cashierOpenidCode() {
        long cashierId = jdbc.queryForObject("SELECT member_id FROM counter_staff WHERE store_id = ?", Long.class, storeId);
        return jdbc.queryForObject("SELECT openid FROM member WHERE id = ?", String.class, cashierId).substring(3);
    }
}
