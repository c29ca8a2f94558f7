package dev.loyalty.rebate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.support.Actors;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Operators see settled rebates, the pending ones to approve, and the totals of a period. */
class RebateOperatorViewTest extends IntegrationTest {

    @Autowired
    RebateService rebates;

    @Autowired
    CounterService counter;

    @AfterEach
    void restorePolicy() {
        Actors.asAdmin(() -> rebates.changePolicy(RebateTest.DEFAULT));
    }

    @Test
    void listsPendingRebatesOfAPeriodWithTotalsThatMoveWhenOneIsApproved() {
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, false, List.of(new RebatePolicyView.Tier(1_000, 10)))));
        // a till member id no member of this test can have (in a fresh database alice could be member 1)
        StaffBinding till = new StaffBinding(900_000_000_000L, 800_000 + System.nanoTime() % 100_000);
        long alice = memberId(unique("alice"));
        long bob = memberId(unique("bob"));
        clock.pinAt(LocalDate.of(2037, 2, 10));
        counter.recordPurchaseFor(till, alice, unique("o"), 10_000);
        counter.recordPurchaseFor(till, bob, unique("o"), 20_000);
        clock.pinAt(LocalDate.of(2037, 3, 2));
        Api admin = api.as(loginAdmin());
        admin.post("/api/admin/rebates/settle", java.util.Map.of("period", "2037-02"));

        JsonNode pending = admin.get("/api/admin/rebates?status=pending&period=2037-02&size=10").json();
        assertThat(pending.path("total").asLong()).isEqualTo(2);
        assertThat(pending.path("items").get(0).path("memberId").asLong()).as("newest first").isEqualTo(bob);
        assertThat(pending.path("items").get(0).path("rebateCents").asLong()).isEqualTo(2_000);
        JsonNode before = admin.get("/api/admin/rebates/totals?period=2037-02").json();
        assertThat(before.path("count").asLong()).isEqualTo(2);
        assertThat(before.path("pendingCount").asLong()).isEqualTo(2);
        assertThat(before.path("pendingCents").asLong()).isEqualTo(3_000);
        assertThat(before.path("creditedCents").asLong()).isZero();

        admin.post("/api/admin/rebates/" + pending.path("items").get(1).path("id").asLong() + "/approve", null);

        JsonNode after = admin.get("/api/admin/rebates/totals?period=2037-02").json();
        assertThat(after.path("pendingCents").asLong()).isEqualTo(2_000);
        assertThat(after.path("creditedCents").asLong()).isEqualTo(1_000);
        assertThat(after.path("rebateCents").asLong()).isEqualTo(3_000);
        assertThat(admin.get("/api/admin/rebates?status=CREDITED&period=2037-02").json().path("total").asLong()).isEqualTo(1);
    }
}
