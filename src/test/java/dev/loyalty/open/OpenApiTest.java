package dev.loyalty.open;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.Till;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A store's till signs its calls with the store's API key, and acts at that store through the staff's services. */
class OpenApiTest extends IntegrationTest {

    private Api admin;
    private long storeId;
    private JsonNode key;
    private Till till;
    private Api customer;
    private long customerId;

    @BeforeEach
    void aStoreWithAKeyAndACustomer() {
        admin = api.as(loginAdmin());
        storeId = admin.post("/api/admin/stores", Map.of("name", unique("Till store"))).json().path("id").asLong();
        key = admin.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", "Till 1")).json();
        till = tillOf(key);
        String code = unique("till-customer");
        customerId = memberId(code);
        customer = api.as(loginMember(code));
    }

    @Test
    void aSignedPurchaseAwardsPointsShowsInTheStoresPurchasesAndIsAuditedWithTheKey() {
        String orderNo = unique("OP");

        Api.Response purchase = till.post("/api/open/v1/purchases", purchase(memberCode(customer), orderNo, 12_800));

        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(200);
        assertThat(purchase.json().path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(purchase.json().path("pointsAwarded").asLong()).isPositive();
        assertThat(purchase.json().path("pointsBalance").asLong()).isEqualTo(purchase.json().path("pointsAwarded").asLong());
        JsonNode listed = admin.get("/api/admin/purchases?storeId=" + storeId).json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(listed.get(0).path("memberId").asLong()).isEqualTo(customerId);
        Map<String, Object> audit = jdbc.queryForMap("SELECT actor_type, actor_id FROM audit_log WHERE action = 'PURCHASE_RECORDED'"
                + " AND target = ?", "order:" + storeId + ":" + orderNo);
        assertThat(audit.get("actor_type")).isEqualTo("API_KEY");
        assertThat(((Number) audit.get("actor_id")).longValue()).isEqualTo(key.path("id").asLong());
        JsonNode listedKey = admin.get("/api/admin/stores/" + storeId + "/api-keys").json().get(0);
        assertThat(listedKey.path("lastUsedAt").isNull()).as("lastUsedAt after a use").isFalse();
        JsonNode byKey = admin.get("/api/admin/audit-log?actor=API_KEY:" + key.path("id").asLong()).json().path("items");
        assertThat(byKey).isNotEmpty();
    }

    @Test
    void aRequestChangedAfterSigningIsRefused() {
        String body = purchase(memberCode(customer), unique("OP"), 500);

        Till.Signed oneByte = till.request("POST", "/api/open/v1/purchases", body);
        oneByte.body = body.replace("500", "600").getBytes(StandardCharsets.UTF_8);
        Till.Signed otherPath = till.request("POST", "/api/open/v1/purchases", body);
        otherPath.pathAndQuery = "/api/open/v1/purchases?x=1";
        Till.Signed otherTimestamp = till.request("POST", "/api/open/v1/purchases", body);
        otherTimestamp.header("X-Loyalty-Timestamp",
                Long.toString(Long.parseLong(otherTimestamp.headers.get("X-Loyalty-Timestamp")) - 1));
        Till.Signed otherNonce = till.request("POST", "/api/open/v1/purchases", body).header("X-Loyalty-Nonce", "another");
        JsonNode secondKey = admin.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", "Till 2")).json();
        Till.Signed otherKey = till.request("POST", "/api/open/v1/purchases", body)
                .header("X-Loyalty-Key", secondKey.path("keyId").asString());
        Till.Signed unknownKey = till.request("POST", "/api/open/v1/purchases", body)
                .header("X-Loyalty-Key", "lk_00000000000000000000000000000000");
        Till.Signed upperCase = till.request("POST", "/api/open/v1/purchases", body);
        upperCase.header("X-Loyalty-Signature", upperCase.headers.get("X-Loyalty-Signature").toUpperCase());

        for (Till.Signed changed : List.of(oneByte, otherPath, otherTimestamp, otherNonce, otherKey, unknownKey, upperCase)) {
            Api.Response refused = changed.send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(admin.get("/api/admin/purchases?storeId=" + storeId).json().path("total").asLong()).isZero();
    }

    @Test
    void everyMissingHeaderIsRefused() {
        for (String header : List.of("X-Loyalty-Key", "X-Loyalty-Timestamp", "X-Loyalty-Nonce", "X-Loyalty-Signature")) {
            Api.Response refused = till.request("POST", "/api/open/v1/members/resolve",
                    "{\"memberCode\":\"" + memberCode(customer) + "\"}").header(header, null).send();
            assertThat(refused.status()).as(header + " missing: " + refused).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("SIGNATURE_INVALID");
        }
        Api.Response unsigned = api.post("/api/open/v1/members/resolve", Map.of("memberCode", memberCode(customer)));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.code()).isEqualTo("SIGNATURE_INVALID");
        Api.Response withAToken = customer.post("/api/open/v1/members/resolve", Map.of("memberCode", memberCode(customer)));
        assertThat(withAToken.code()).as("a member token is no signature").isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void aTimestampMoreThan300SecondsAwayIsRefused() {
        String body = "{\"memberCode\":\"" + memberCode(customer) + "\"}";
        Till.Signed stale = till.request("POST", "/api/open/v1/members/resolve", body);
        Till.Signed justInTime = till.request("POST", "/api/open/v1/members/resolve", body);
        assertThat(till.post("/api/open/v1/members/resolve", body).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(301));
        Api.Response refused = stale.send();
        clock.advance(Duration.ofSeconds(-2));
        Api.Response accepted = justInTime.send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("SIGNATURE_INVALID");
        // past the signature: the member code the till scanned has expired meanwhile, as codes do after a minute
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(400);
        assertThat(accepted.code()).isEqualTo("MEMBER_CODE_INVALID");
    }

    @Test
    void aNonceIsUsedOnceWithinTenMinutes() {
        String body = "{\"memberCode\":\"" + memberCode(customer) + "\"}";
        Till.Signed first = till.request("POST", "/api/open/v1/members/resolve", body);
        assertThat(first.send().status()).isEqualTo(200);

        Api.Response replayed = first.send();
        Till.Signed sameNonceNewRequest = till.request("POST", "/api/open/v1/members/resolve", body);
        Api.Response sameNonce = resign(sameNonceNewRequest.header("X-Loyalty-Nonce", first.headers.get("X-Loyalty-Nonce")))
                .send();

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("REPLAYED");
        assertThat(sameNonce.code()).isEqualTo("REPLAYED");

        clock.advance(Duration.ofMinutes(11));
        assertThat(admin.post("/api/admin/jobs/open-nonce-purge/run", null).status()).isEqualTo(200);
        Till.Signed later = resign(till.request("POST", "/api/open/v1/members/resolve",
                "{\"memberCode\":\"" + memberCode(customer) + "\"}").header("X-Loyalty-Nonce", first.headers.get("X-Loyalty-Nonce")));
        assertThat(later.send().status()).as("the nonce, 11 minutes on").isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefused() {
        assertThat(till.post("/api/open/v1/members/resolve", "{\"memberCode\":\"" + memberCode(customer) + "\"}").status())
                .isEqualTo(200);

        Api.Response revoked = admin.delete("/api/admin/stores/" + storeId + "/api-keys/" + key.path("keyId").asString());
        Api.Response again = admin.delete("/api/admin/stores/" + storeId + "/api-keys/" + key.path("keyId").asString());
        Api.Response refused = till.post("/api/open/v1/members/resolve", "{\"memberCode\":\"" + memberCode(customer) + "\"}");

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("SIGNATURE_INVALID");
        assertThat(admin.get("/api/admin/stores/" + storeId + "/api-keys").json().get(0).path("revokedAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'API_KEY_REVOKED' AND target = ?",
                Long.class, "api-key:" + key.path("keyId").asString())).isEqualTo(1);
        long otherStore = admin.post("/api/admin/stores", Map.of("name", unique("Other"))).json().path("id").asLong();
        assertThat(admin.delete("/api/admin/stores/" + otherStore + "/api-keys/" + key.path("keyId").asString()).status())
                .as("a key is revoked through its own store").isEqualTo(404);
    }

    @Test
    void anOpenPurchaseIsIdempotentLikeTheStaffOne() {
        String orderNo = unique("OP");
        String code = memberCode(customer);

        Api.Response first = till.post("/api/open/v1/purchases", purchase(code, orderNo, 10_000));
        Api.Response repeat = till.post("/api/open/v1/purchases", purchase(code, orderNo, 10_000));
        Api.Response otherAmount = till.post("/api/open/v1/purchases", purchase(code, orderNo, 20_000));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.code()).isEqualTo("ORDER_CONFLICT");
        assertThat(admin.get("/api/admin/purchases?storeId=" + storeId).json().path("total").asLong()).isEqualTo(1);

        Api.Response refund = till.post("/api/open/v1/purchases/" + orderNo + "/refund", null);
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(refund.json().path("pointsReversed").asLong()).isEqualTo(first.json().path("pointsAwarded").asLong());
        assertThat(refund.json().path("pointsBalance").asLong()).isZero();
    }

    @Test
    void aSignedCheckoutPaysPartWithPointsAndItsRefundGivesThemBack() {
        JsonNode rule = admin.get("/api/admin/points-rule").json();
        admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", rule.path("pointsPerYuan").asLong(),
                "expiryDays", rule.path("expiryDays").asLong(), "pointsPerYuanRedeem", 100, "maxPointsPercent", 50));
        try {
            admin.post("/api/admin/members/" + customerId + "/points-adjustments", Map.of("delta", 1_000, "reason", "till test"));
            String orderNo = unique("CO");
            String body = "{\"memberCode\":\"" + memberCode(customer) + "\",\"orderNo\":\"" + orderNo
                    + "\",\"amountCents\":10000,\"pointsToUse\":500}";

            Api.Response checkout = till.post("/api/open/v1/checkouts", body);
            Api.Response refund = till.post("/api/open/v1/checkouts/" + orderNo + "/refund", null);

            assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
            assertThat(checkout.json().path("pointsUsed").asLong()).isEqualTo(500);
            assertThat(checkout.json().path("pointsDiscountCents").asLong()).isEqualTo(500);
            assertThat(checkout.json().path("payableCents").asLong()).isEqualTo(9_500);
            assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
            assertThat(refund.json().path("pointsReturned").asLong()).isEqualTo(500);
            assertThat(customer.get("/api/app/points").json().path("balance").asLong()).as("all back as it was").isEqualTo(1_000);
            assertThat(jdbc.queryForObject("SELECT actor_type FROM audit_log WHERE action = 'CHECKOUT_RECORDED' AND target = ?",
                    String.class, "checkout:" + storeId + ":" + orderNo)).isEqualTo("API_KEY");
        } finally {
            admin.put("/api/admin/points-rule", rule);
        }
    }

    @Test
    void aWalletPaymentAndItsRefund() {
        String staffCode = unique("till-staff");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(staffCode), "storeId", storeId));
        Api staff = api.as(loginMember(staffCode));
        assertThat(staff.post("/api/staff/wallet/top-ups", Map.of("memberCode", memberCode(customer), "orderNo", unique("TU"),
                "amountCents", 5_000)).status()).isEqualTo(200);
        String orderNo = unique("WP");

        Api.Response paid = till.post("/api/open/v1/wallet/payments", purchase(memberCode(customer), orderNo, 1_200));
        Api.Response refunded = till.post("/api/open/v1/wallet/payments/" + orderNo + "/refund", null);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("balanceCents").asLong()).isEqualTo(3_800);
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.json().path("balanceCents").asLong()).isEqualTo(5_000);
        assertThat(customer.get("/api/app/wallet").json().path("balanceCents").asLong()).isEqualTo(5_000);
        assertThat(jdbc.queryForObject("SELECT actor_type FROM audit_log WHERE action = 'WALLET_PAID' AND target = ?",
                String.class, "order:" + storeId + ":" + orderNo)).isEqualTo("API_KEY");
    }

    @Test
    void aCouponIsVerifiedAtTheKeysStore() {
        long templateId = admin.post("/api/admin/coupon-templates", Map.of("name", "Till coupon", "type", "CASH",
                "thresholdCents", 0, "discountCents", 100, "pointsPrice", 0, "totalStock", 10, "perMemberLimit", 1,
                "validDays", 30, "storeIds", List.of(storeId), "enabled", true)).json().path("id").asLong();
        String couponCode = customer.with("Idempotency-Key", unique("k")).post("/api/app/mall/items/" + templateId + "/redeem", null)
                .json().path("coupon").path("code").asString();

        Api.Response verified = till.post("/api/open/v1/coupons/verify", "{\"code\":\"" + couponCode + "\"}");
        Api.Response again = till.post("/api/open/v1/coupons/verify", "{\"code\":\"" + couponCode + "\"}");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("coupon").path("status").asString()).isEqualTo("USED");
        assertThat(verified.json().path("coupon").path("storeId").asLong()).isEqualTo(storeId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("COUPON_ALREADY_USED");
    }

    @Test
    void ofManyRequestsWithOneNonceAtOnceExactlyOneIsAccepted() throws Exception {
        int threads = 12;
        Till.Signed signed = till.request("POST", "/api/open/v1/purchases", purchase(memberCode(customer), unique("OP"), 1_000));
        int accepted = 0;
        int replayed = 0;
        for (Api.Response response : AllAtOnce.times(threads, signed::send)) {
            if (response.status() == 200) {
                accepted++;
            } else if ("REPLAYED".equals(response.code())) {
                replayed++;
            }
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(replayed).isEqualTo(threads - 1);
        assertThat(admin.get("/api/admin/purchases?storeId=" + storeId).json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void theSecretIsShownOnceAndStoredSealed() {
        String secret = key.path("secret").asString();
        String keyId = key.path("keyId").asString();

        assertThat(keyId).matches("lk_[0-9a-f]{32}");
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(key.path("storeId").asLong()).isEqualTo(storeId);
        assertThat(key.path("name").asString()).isEqualTo("Till 1");
        JsonNode listed = admin.get("/api/admin/stores/" + storeId + "/api-keys").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("keyId").asString()).isEqualTo(keyId);
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(listed.toString()).doesNotContain(secret);
        String stored = jdbc.queryForObject("SELECT secret_sealed FROM open_api_key WHERE key_id = ?", String.class, keyId);
        assertThat(stored).doesNotContain(secret).isNotBlank();
        assertThat(jdbc.queryForList("SELECT after_json FROM audit_log WHERE target = ?", String.class, "api-key:" + keyId))
                .hasSize(1).allSatisfy(after -> assertThat(after).contains(keyId).doesNotContain(secret));
        assertThat(admin.get("/api/admin/stores/999999999999/api-keys").status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", " ")).status()).isEqualTo(400);
    }

    @Test
    void anAuditorCannotIssueAKey() {
        String username = unique("auditor");
        admin.post("/api/admin/operators", Map.of("username", username, "password", "a-long-enough-password", "role", "AUDITOR"));
        Api auditor = api.as(api.post("/api/admin/auth/login", Map.of("username", username, "password", "a-long-enough-password"))
                .json().path("token").asString());

        Api.Response refused = auditor.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", "Sneaky"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(auditor.get("/api/admin/stores/" + storeId + "/api-keys").status()).isEqualTo(200);
        assertThat(auditor.delete("/api/admin/stores/" + storeId + "/api-keys/" + key.path("keyId").asString()).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/admin/stores/" + storeId + "/api-keys").json()).hasSize(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheSignatureOnEveryOpenOperation() {
        JsonNode docs = api.get("/v3/api-docs").json();
        JsonNode schemes = docs.path("components").path("securitySchemes");
        List<String> headers = List.of("X-Loyalty-Key", "X-Loyalty-Timestamp", "X-Loyalty-Nonce", "X-Loyalty-Signature");
        for (String header : headers) {
            assertThat(schemes.path(header).path("in").asString()).isEqualTo("header");
            assertThat(schemes.path(header).path("name").asString()).isEqualTo(header);
        }
        assertThat(schemes.path("X-Loyalty-Key").path("description").asString()).contains("HMAC-SHA256").contains("REPLAYED");
        int operations = 0;
        for (var path : docs.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/open/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                operations++;
                JsonNode security = operation.getValue().path("security").get(0);
                assertThat(security.propertyNames()).as(path.getKey()).containsExactlyInAnyOrderElementsOf(headers);
                assertThat(operation.getValue().path("description").asString()).contains("X-Loyalty-Signature");
            }
        }
        assertThat(operations).as("the counter's six and the checkout's three").isEqualTo(9);
        assertThat(docs.path("components").path("schemas").path("StaffBinding").path("properties").has("apiKeyId"))
                .as("a till's key id is no field of a staff binding").isFalse();
    }

    private Till tillOf(JsonNode issued) {
        return new Till(port, issued.path("keyId").asString(), issued.path("secret").asString(), clock, nextClientIp());
    }

    /** The request signed again after a header was changed, so only that change is tested. */
    private Till.Signed resign(Till.Signed request) {
        request.header("X-Loyalty-Signature", Till.signature(key.path("secret").asString(), request.method,
                request.pathAndQuery, request.headers.get("X-Loyalty-Timestamp"), request.headers.get("X-Loyalty-Nonce"),
                request.body));
        return request;
    }

    private static String purchase(String memberCode, String orderNo, long amountCents) {
        return "{\"memberCode\":\"" + memberCode + "\",\"orderNo\":\"" + orderNo + "\",\"amountCents\":" + amountCents + "}";
    }
}
