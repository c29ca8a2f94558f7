package dev.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Members with different histories in 2045 (a year no other test touches, and past the end of MariaDB's
 * TIMESTAMP range), segmented on 30 June 2045 by the job run over HTTP, twice at once as two instances
 * would, then found by segment.
 */
class MemberSegmentJobTest extends IntegrationTest {

    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private Api cashier;

    @Test
    void everyMemberLandsInTheSegmentTheirHistorySaysAndOperatorsFilterByIt() throws Exception {
        clock.pinAt(LocalDate.of(2045, 1, 10));
        Api admin = api.as(loginAdmin());
        long store = admin.post("/api/admin/stores", Map.of("name", "Segment Store")).json().path("id").asLong();
        String cashierCode = unique("segment-cashier");
        admin.post("/api/admin/staff", Map.of("memberId", memberId(cashierCode), "storeId", store));
        for (String name : List.of("whale", "small1", "small2", "small3", "small4", "lapsed", "regular", "sleeper")) {
            join(name);
        }
        signInOn("sleeper", LocalDate.of(2045, 3, 1));
        signInOn("lapsed", LocalDate.of(2045, 5, 31));
        signInOn("regular", LocalDate.of(2045, 6, 1));
        clock.pinAt(LocalDate.of(2045, 6, 1));
        join("fresh");
        clock.pinAt(LocalDate.of(2045, 6, 20));
        cashier = api.as(loginMember(cashierCode));
        buy("whale", 100_000);
        for (String small : List.of("small1", "small2", "small3", "small4")) {
            buy(small, 1_000);
        }

        clock.pinAt(LocalDate.of(2045, 6, 30));
        Api operator = api.as(loginAdmin());
        List<Api.Response> runs = AllAtOnce.times(2, () -> operator.post("/api/admin/jobs/member-segments/run", null));
        assertThat(runs.stream().map(Api.Response::status)).containsOnly(200);

        assertThat(row(operator, "whale").path("segment").asString()).isEqualTo("HIGH_VALUE");
        assertThat(row(operator, "small1").path("segment").asString()).as("spent, but not in the top fifth")
                .isEqualTo("REGULAR");
        assertThat(row(operator, "fresh").path("segment").asString()).isEqualTo("NEW");
        assertThat(row(operator, "lapsed").path("segment").asString()).isEqualTo("AT_RISK");
        assertThat(row(operator, "lapsed").path("lastActiveOn").asString()).isEqualTo("2045-05-31");
        assertThat(row(operator, "regular").path("segment").asString()).isEqualTo("REGULAR");
        assertThat(row(operator, "sleeper").path("segment").asString()).isEqualTo("DORMANT");
        assertThat(row(operator, "whale").path("lastActiveOn").asString()).isEqualTo("2045-06-20");

        JsonNode atRisk = operator.get("/api/admin/members?segment=AT_RISK&size=100").json();
        assertThat(atRisk.path("items").valueStream().map(m -> m.path("id").asLong()))
                .contains(ids.get("lapsed")).doesNotContain(ids.get("regular"), ids.get("sleeper"), ids.get("fresh"));
        assertThat(atRisk.path("items").valueStream().map(m -> m.path("segment").asString())).containsOnly("AT_RISK");
        JsonNode highValue = operator.get("/api/admin/members?segment=HIGH_VALUE&q=" + ids.get("whale")).json();
        assertThat(highValue.path("total").asLong()).isEqualTo(1);
        assertThat(highValue.path("items").get(0).path("pointsBalance").asLong()).isEqualTo(1_000);
        assertThat(operator.get("/api/admin/members?segment=HIGH_VALUE&q=" + ids.get("small1")).json().path("total").asLong())
                .isZero();
        assertThat(operator.get("/api/admin/members?segment=VIP").code()).isEqualTo("VALIDATION_FAILED");
    }

    private void join(String name) {
        String code = unique("segment-" + name);
        codes.put(name, code);
        ids.put(name, memberId(code));
    }

    private void signInOn(String name, LocalDate day) {
        clock.pinAt(day);
        assertThat(api.as(loginMember(codes.get(name))).post("/api/app/sign-ins", null).status()).isEqualTo(200);
    }

    private void buy(String name, long cents) {
        Api member = api.as(loginMember(codes.get(name)));
        Api.Response bought = cashier.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(member), "orderNo", unique("S"), "amountCents", cents));
        assertThat(bought.status()).as(bought.text()).isIn(200, 201);
    }

    private JsonNode row(Api operator, String name) {
        JsonNode found = operator.get("/api/admin/members?q=" + ids.get(name)).json().path("items");
        return found.valueStream().filter(m -> m.path("id").asLong() == ids.get(name)).findFirst().orElseThrow();
    }
}
