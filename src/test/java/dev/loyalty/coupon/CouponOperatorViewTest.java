package dev.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the console shows of coupons: issued and used per template, and one coupon found by its code. */
class CouponOperatorViewTest extends IntegrationTest {

    @Autowired
    PointsService points;

    @Test
    void countsIssuedAndUsedPerTemplateAndFindsACouponByCodeOrQrPayload() {
        Api admin = api.as(loginAdmin());
        long storeId = admin.post("/api/admin/stores", Map.of("name", "Lookup Store")).json().path("id").asLong();
        String cashierCode = unique("cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", storeId));
        long templateId = admin.post("/api/admin/coupon-templates", Map.of("name", "5 off", "type", "CASH",
                "discountCents", 500, "pointsPrice", 10, "totalStock", 10, "perMemberLimit", 5, "validDays", 30,
                "enabled", true)).json().path("id").asLong();
        String shopper = unique("shopper");
        long memberId = memberId(shopper);
        points.earn(new PointsMovement(memberId, 100, PointsSource.ADMIN, "gift:" + memberId, null, null));
        Api member = api.as(loginMember(shopper));
        JsonNode first = member.with("Idempotency-Key", "a").post("/api/app/mall/items/" + templateId + "/redeem", null)
                .json().path("coupon");
        member.with("Idempotency-Key", "b").post("/api/app/mall/items/" + templateId + "/redeem", null);
        api.as(loginMember(cashierCode)).post("/api/staff/coupons/verify", Map.of("code", first.path("code").asString()));

        JsonNode counts = admin.get("/api/admin/coupon-templates/counts").json();
        JsonNode mine = null;
        for (JsonNode row : counts) {
            if (row.path("templateId").asLong() == templateId) {
                mine = row;
            }
        }
        assertThat(mine).as(counts.toString()).isNotNull();
        assertThat(mine.path("issued").asLong()).isEqualTo(2);
        assertThat(mine.path("used").asLong()).isEqualTo(1);

        String code = first.path("code").asString();
        Api.Response byCode = admin.get("/api/admin/coupons/lookup?code=" + code.toLowerCase());
        Api.Response byPayload = admin.get("/api/admin/coupons/lookup?code=LOYALTY-COUPON:" + code);
        assertThat(byCode.status()).as(byCode.text()).isEqualTo(200);
        assertThat(byCode.json().path("memberId").asLong()).isEqualTo(memberId);
        assertThat(byCode.json().path("coupon").path("status").asString()).isEqualTo("USED");
        assertThat(byPayload.json().path("coupon").path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(admin.get("/api/admin/coupons/lookup?code=NOSUCHCODE22").code()).isEqualTo("NOT_FOUND");
    }
}
