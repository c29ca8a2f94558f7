package dev.loyalty.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operators list who works at which store. */
class StaffListTest extends IntegrationTest {

    @Test
    void listsTheStaffOfAStoreWithTheirNicknamesAndForgetsAnUnboundOne() {
        Api admin = api.as(loginAdmin());
        long store = admin.post("/api/admin/stores", Map.of("name", "Staff List Store")).json().path("id").asLong();
        long ann = api.post("/api/app/auth/login", Map.of("code", unique("ann"), "nickname", "Ann")).json()
                .path("member").path("id").asLong();
        long ben = memberId(unique("ben"));
        admin.post("/api/admin/staff", Map.of("memberId", ann, "storeId", store));
        admin.post("/api/admin/staff", Map.of("memberId", ben, "storeId", store));
        admin.delete("/api/admin/staff/" + ben);

        JsonNode page = admin.get("/api/admin/staff?storeId=" + store).json();

        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("memberId").asLong()).isEqualTo(ann);
        assertThat(page.path("items").get(0).path("nickname").asString()).isEqualTo("Ann");
        assertThat(page.path("items").get(0).path("storeId").asLong()).isEqualTo(store);
    }
}
