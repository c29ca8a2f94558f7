package dev.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PointsApiTest extends IntegrationTest {

    @Autowired
    PointsService points;

    Api admin;
    Api member;
    long memberId;

    @BeforeEach
    void logIn() {
        admin = api.as(loginAdmin());
        String code = unique("api");
        memberId = memberId(code);
        member = api.as(loginMember(code));
    }

    @Test
    void anOperatorAdjustsUpThenDownAndTheMemberSeesBothRows() {
        Api.Response up = admin.post(adjustments(), Map.of("delta", 100, "reason", "welcome gift"));
        Api.Response down = admin.post(adjustments(), Map.of("delta", -30, "reason", "correction"));

        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().path("balance").asLong()).isEqualTo(100);
        assertThat(down.json().path("balance").asLong()).isEqualTo(70);

        JsonNode ledger = member.get("/api/app/points/ledger").json();
        assertThat(ledger.path("total").asLong()).isEqualTo(2);
        JsonNode newest = ledger.path("items").get(0);
        assertThat(newest.path("delta").asLong()).isEqualTo(-30);
        assertThat(newest.path("balanceAfter").asLong()).isEqualTo(70);
        assertThat(newest.path("type").asString()).isEqualTo("ADJUST");
        assertThat(newest.path("source").asString()).isEqualTo("ADMIN");
        assertThat(newest.path("remark").asString()).isEqualTo("correction");
        assertThat(ledger.path("items").get(1).path("balanceAfter").asLong()).isEqualTo(100);
        assertThat(member.get("/api/app/me").json().path("points").path("balance").asLong()).isEqualTo(70);
    }

    @Test
    void anAdjustmentBelowZeroIsRefusedWithoutChangingAnything() {
        admin.post(adjustments(), Map.of("delta", 70, "reason", "gift"));

        Api.Response refused = admin.post(adjustments(), Map.of("delta", -200, "reason", "too much"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(70);
        assertThat(member.get("/api/app/points/ledger").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anAdjustmentIsAuditedWithTheAdminAndReason() {
        admin.post(adjustments(), Map.of("delta", 25, "reason", "complaint #12"));

        JsonNode entry = admin.get("/api/admin/audit-log?action=POINTS_ADJUSTED&size=100").json().path("items")
                .valueStream().filter(e -> e.path("target").asString().equals("member:" + memberId)).findFirst().orElseThrow();
        assertThat(entry.path("actorType").asString()).isEqualTo("ADMIN");
        assertThat(entry.path("before").path("balance").asLong()).isZero();
        assertThat(entry.path("after").path("balance").asLong()).isEqualTo(25);
        assertThat(entry.path("after").path("reason").asString()).isEqualTo("complaint #12");
    }

    @Test
    void theSameIdempotencyKeyAdjustsOnce() {
        Api once = admin.with("Idempotency-Key", "adj-" + memberId);

        once.post(adjustments(), Map.of("delta", 40, "reason", "gift"));
        Api.Response again = once.post(adjustments(), Map.of("delta", 40, "reason", "gift"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("balance").asLong()).isEqualTo(40);
        assertThat(member.get("/api/app/points").json().path("balance").asLong()).isEqualTo(40);
    }

    @Test
    void badAdjustmentsAreRefusedWithTheField() {
        assertThat(admin.post(adjustments(), Map.of("delta", 0, "reason", "x")).json().path("errors").get(0)
                .path("field").asString()).isEqualTo("delta");
        assertThat(admin.post(adjustments(), Map.of("delta", 5)).json().path("errors").get(0)
                .path("field").asString()).isEqualTo("reason");
        assertThat(admin.post("/api/admin/members/999999999/points-adjustments", Map.of("delta", 5, "reason", "x"))
                .code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theMemberSeesWhatExpiresInTheNextThirtyDays() {
        points.earn(new PointsMovement(memberId, 10, PointsSource.SIGN_IN, memberId + ":old", null, null));
        clock.advance(Duration.ofDays(200));
        points.earn(new PointsMovement(memberId, 20, PointsSource.SIGN_IN, memberId + ":new", null, null));
        clock.advance(Duration.ofDays(150));
        member = api.as(loginMember(memberIdCode()));

        JsonNode summary = member.get("/api/app/points").json();

        assertThat(summary.path("balance").asLong()).isEqualTo(30);
        assertThat(summary.path("totalEarned").asLong()).isEqualTo(30);
        assertThat(summary.path("expiring").size()).isEqualTo(1);
        assertThat(summary.path("expiring").get(0).path("amount").asLong()).isEqualTo(10);
        assertThat(summary.path("expiring").get(0).path("expiresAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void thePointsRuleIsReadChangedAndValidated() {
        Api.Response changed = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 2, "expiryDays", 730));
        Api.Response invalid = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", -1, "expiryDays", 730));
        Api.Response fraction = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1.5, "expiryDays", 730));
        Api.Response read = admin.get("/api/admin/points-rule");
        admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1, "expiryDays", 365));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("pointsPerYuan");
        assertThat(fraction.code()).as("1.5 is not taken for 1").isEqualTo("VALIDATION_FAILED");
        assertThat(fraction.json().path("errors").get(0).path("field").asString()).isEqualTo("pointsPerYuan");
        assertThat(read.json().path("pointsPerYuan").asLong()).isEqualTo(2);
        assertThat(read.json().path("expiryDays").asInt()).isEqualTo(730);
    }

    @Test
    void thePointsRuleCarriesTheCheckoutFieldsAndOldClientsKeepThem() {
        JsonNode before = admin.get("/api/admin/points-rule").json();
        Api.Response set = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1, "expiryDays", 365,
                "pointsPerYuanRedeem", 200, "maxPointsPercent", 30));
        Api.Response oldClient = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 3, "expiryDays", 365));
        JsonNode kept = admin.get("/api/admin/points-rule").json();
        Api.Response tooMuch = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1, "expiryDays", 365,
                "maxPointsPercent", 101));
        Api.Response free = admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", 1, "expiryDays", 365,
                "pointsPerYuanRedeem", 0));
        admin.put("/api/admin/points-rule", before);

        assertThat(before.has("pointsPerYuanRedeem")).isTrue();
        assertThat(before.has("maxPointsPercent")).isTrue();
        assertThat(set.status()).isEqualTo(200);
        assertThat(oldClient.status()).isEqualTo(200);
        assertThat(kept.path("pointsPerYuan").asLong()).isEqualTo(3);
        assertThat(kept.path("pointsPerYuanRedeem").asLong()).isEqualTo(200);
        assertThat(kept.path("maxPointsPercent").asInt()).isEqualTo(30);
        assertThat(tooMuch.json().path("errors").get(0).path("field").asString()).isEqualTo("maxPointsPercent");
        assertThat(free.json().path("errors").get(0).path("field").asString()).isEqualTo("pointsPerYuanRedeem");
    }

    @Test
    void theExpiryJobRunsOnDemand() {
        points.earn(new PointsMovement(memberId, 10, PointsSource.SIGN_IN, memberId + ":job", null, null));
        clock.advance(Duration.ofDays(400));
        admin = api.as(loginAdmin());

        Api.Response run = admin.post("/api/admin/jobs/points-expiry/run", null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("name").asString()).isEqualTo("points-expiry");
        assertThat(run.json().path("processed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND type = 'EXPIRE'",
                Long.class, memberId)).isEqualTo(1);
        assertThat(admin.post("/api/admin/jobs/no-such-job/run", null).code()).isEqualTo("NOT_FOUND");
    }

    private String adjustments() {
        return "/api/admin/members/" + memberId + "/points-adjustments";
    }

    private String memberIdCode() {
        return jdbc.queryForObject("SELECT openid FROM member WHERE id = ?", String.class, memberId).substring(3);
    }
}
