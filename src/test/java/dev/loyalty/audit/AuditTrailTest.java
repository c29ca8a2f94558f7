package dev.loyalty.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.common.security.Actor;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AuditTrailTest extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void forgetActor() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRecordedChangeIsReadBackWithActorBeforeAndAfter() {
        String action = unique("RULE_CHANGED");
        actAs(new Actor(Actor.Type.ADMIN, 7));

        tx.executeWithoutResult(status -> audit.record(action, "sign-in-rule",
                Map.of("basePoints", 5), Map.of("basePoints", 10)));

        JsonNode items = api.as(loginAdmin()).get("/api/admin/audit-log?action=" + action).json().path("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode entry = items.get(0);
        assertThat(entry.path("actorType").asString()).isEqualTo("ADMIN");
        assertThat(entry.path("actorId").asLong()).isEqualTo(7);
        assertThat(entry.path("target").asString()).isEqualTo("sign-in-rule");
        assertThat(entry.path("before").path("basePoints").asInt()).isEqualTo(5);
        assertThat(entry.path("after").path("basePoints").asInt()).isEqualTo(10);
        assertThat(entry.path("at").asString()).isNotBlank();
    }

    @Test
    void theRecordRollsBackWithTheChange() {
        String action = unique("ROLLED_BACK");

        tx.executeWithoutResult(status -> {
            audit.record(action, "x", null, Map.of("a", 1));
            status.setRollbackOnly();
        });

        assertThat(api.as(loginAdmin()).get("/api/admin/audit-log?action=" + action).json().path("total").asLong())
                .isZero();
    }

    @Test
    void recordingOutsideATransactionIsAProgrammingError() {
        assertThatThrownBy(() -> audit.record("NO_TX", "x", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theLogFiltersByActorAndPages() {
        String action = unique("PAGED");
        actAs(new Actor(Actor.Type.ADMIN, 99));
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                audit.record(action, "item:" + i, null, Map.of("i", i));
            }
        });

        Api admin = api.as(loginAdmin());
        Api.Response page = admin.get("/api/admin/audit-log?action=" + action + "&actor=ADMIN:99&page=1&size=2");
        Api.Response nobody = admin.get("/api/admin/audit-log?action=" + action + "&actor=ADMIN:98");

        assertThat(page.json().path("total").asLong()).isEqualTo(3);
        assertThat(page.json().path("size").asLong()).isEqualTo(2);
        List<String> targets = page.json().path("items").valueStream().map(n -> n.path("target").asString()).toList();
        assertThat(targets).containsExactly("item:2", "item:1");
        assertThat(nobody.json().path("total").asLong()).isZero();
    }

    private static void actAs(Actor actor) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
    }
}
