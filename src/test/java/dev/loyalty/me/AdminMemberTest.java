package dev.loyalty.me;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminMemberTest extends IntegrationTest {

    @Test
    void anOperatorFindsAMemberByNicknameOrIdAndSeesTheirBalancesAndHistory() {
        String code = unique("searchable");
        long id = memberId(code);
        Api member = api.as(loginMember(code));
        String nickname = "Searchable " + id;
        member.patch("/api/app/me", Map.of("nickname", nickname));
        member.post("/api/app/sign-ins", null);
        Api admin = api.as(loginAdmin());
        admin.post("/api/admin/members/" + id + "/points-adjustments", Map.of("delta", 42, "reason", "welcome"));

        JsonNode byName = admin.get("/api/admin/members?q=" + "Searchable%20" + id).json();
        JsonNode byId = admin.get("/api/admin/members?q=" + id).json();
        JsonNode detail = admin.get("/api/admin/members/" + id).json();
        JsonNode signIns = admin.get("/api/admin/members/" + id + "/sign-ins").json();

        assertThat(byName.path("total").asLong()).isEqualTo(1);
        assertThat(byName.path("items").get(0).path("nickname").asString()).isEqualTo(nickname);
        assertThat(byId.path("items").valueStream().map(m -> m.path("id").asLong())).contains(id);
        assertThat(detail.path("member").path("pointsBalance").asLong()).isEqualTo(42 + 5);
        assertThat(detail.path("signIn").path("signedToday").asBoolean()).isTrue();
        assertThat(signIns.path("signedToday").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/members/" + id + "/coupons").json().path("total").asLong()).isZero();
        assertThat(admin.get("/api/admin/members/999999999").code()).isEqualTo("NOT_FOUND");
    }
}
