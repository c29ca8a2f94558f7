package dev.loyalty.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LevelTest extends IntegrationTest {

    /** A level out of reach of every other test's members: a million yuan of purchases. */
    /** Beyond what any member of the suite earns. */
    private static final long VIP_GROWTH = 1_000_000;
    /** What one purchase at the counter's ceiling (¥10,000) brings. */
    private static final long ONE_BIG_PURCHASE = 10_000;

    @Test
    void growthFromAPurchaseLiftsTheLevelAndTheNextAwardUsesItsMultiplier() {
        Api admin = api.as(loginAdmin());
        String vip = "VIP-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Api.Response created = admin.post("/api/admin/levels",
                Map.of("code", vip, "name", "黑金会员", "minGrowth", ONE_BIG_PURCHASE, "pointsMultiplierPercent", 150));
        long store = admin.post("/api/admin/stores", Map.of("name", "Level Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", store));
        Api cashier = api.as(loginMember(cashierCode));
        String code = unique("big-spender");
        long memberId = memberId(code);
        Api member = api.as(loginMember(code));

        try {
            Api.Response big = cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(member),
                    "orderNo", unique("big"), "amountCents", ONE_BIG_PURCHASE * 100));
            Api.Response next = cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(member),
                    "orderNo", unique("next"), "amountCents", 1_000));

            assertThat(created.status()).isEqualTo(201);
            assertThat(big.json().path("pointsAwarded").asLong()).as("the award uses the level held before it")
                    .isEqualTo(ONE_BIG_PURCHASE);
            assertThat(next.json().path("pointsAwarded").asLong()).as("10 yuan × 1.5").isEqualTo(15);
            JsonNode me = member.get("/api/app/me").json();
            assertThat(me.path("level").path("code").asString()).isEqualTo(vip);
            assertThat(me.path("growth").path("growth").asLong()).isEqualTo(ONE_BIG_PURCHASE + 10);
            assertThat(jdbc.queryForObject("SELECT to_code FROM member_level_change WHERE member_id = ?", String.class,
                    memberId)).isEqualTo(vip);
        } finally {
            // Out of reach again, so members of other tests keep earning at ×1.
            admin.put("/api/admin/levels/" + vip, Map.of("name", "黑金会员", "minGrowth", 10 * VIP_GROWTH,
                    "pointsMultiplierPercent", 150));
        }
        assertThat(admin.post("/api/admin/levels", Map.of("code", vip, "name", "again", "minGrowth", 5,
                "pointsMultiplierPercent", 100)).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aSignInAddsOneGrowthAndMeShowsTheWayToTheNextLevel() {
        api.as(loginAdmin()).post("/api/admin/levels", Map.of("code", "TOP-" + Long.toString(System.nanoTime(), 36).toUpperCase(),
                "name", "顶级会员", "minGrowth", 2 * VIP_GROWTH, "pointsMultiplierPercent", 200));
        String code = unique("climber");
        Api member = api.as(loginMember(code));

        member.post("/api/app/sign-ins", null);
        JsonNode growth = member.get("/api/app/me").json().path("growth");

        assertThat(growth.path("growth").asLong()).isEqualTo(1);
        assertThat(growth.path("nextLevel").path("minGrowth").asLong()).isPositive();
        assertThat(growth.path("growthToNext").asLong())
                .isEqualTo(growth.path("nextLevel").path("minGrowth").asLong() - 1);
    }

    /** The walk an operator would do by hand: a level at 100 growth paying ×1.5, reached by a 100-yuan purchase. */
    @Test
    void aMemberWhoBuysAHundredYuanReachesALevelAtOneHundredGrowthAndSignsInForOneAndAHalfTimesThePoints() {
        Api admin = api.as(loginAdmin());
        String gold = "GOLD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long store = admin.post("/api/admin/stores", Map.of("name", "Gold Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", store));
        Api cashier = api.as(loginMember(cashierCode));
        Api member = api.as(loginMember(unique("gold")));
        long basePoints = admin.get("/api/admin/sign-in-rule").json().path("basePoints").asLong();
        assertThat(admin.post("/api/admin/levels", Map.of("code", gold, "name", "金卡会员", "minGrowth", 100,
                "pointsMultiplierPercent", 150)).status()).isEqualTo(201);
        try {
            cashier.post("/api/staff/purchases", Map.of("memberCode", memberCode(member), "orderNo", unique("gold"),
                    "amountCents", 10_000));
            JsonNode signIn = member.post("/api/app/sign-ins", null).json();

            assertThat(member.get("/api/app/me").json().path("level").path("code").asString()).isEqualTo(gold);
            assertThat(signIn.path("points").asLong()).isEqualTo(basePoints * 150 / 100);
        } finally {
            // Out of reach again, so members of other tests keep earning at ×1.
            assertThat(admin.put("/api/admin/levels/" + gold, Map.of("name", "金卡会员", "minGrowth", 10 * VIP_GROWTH,
                    "pointsMultiplierPercent", 150)).status()).isEqualTo(200);
        }
        assertThat(admin.put("/api/admin/levels/BASE", Map.of("name", "普通会员", "minGrowth", 5,
                "pointsMultiplierPercent", 100)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.put("/api/admin/levels/NOPE", Map.of("name", "x", "minGrowth", 5,
                "pointsMultiplierPercent", 100)).code()).isEqualTo("NOT_FOUND");
    }
}
