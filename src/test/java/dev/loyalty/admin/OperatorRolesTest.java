package dev.loyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An owner gives other operators a role; the server holds every operator to theirs, from their next request on. */
class OperatorRolesTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    private Api owner;
    private long storeA;
    private long storeB;

    @BeforeEach
    void twoStores() {
        owner = api.as(loginAdmin());
        storeA = owner.post("/api/admin/stores", Map.of("name", "Store A")).json().path("id").asLong();
        storeB = owner.post("/api/admin/stores", Map.of("name", "Store B")).json().path("id").asLong();
    }

    @Test
    void anOwnerCreatesAnAuditorWhoReadsTheAuditLogButCannotChangeTheSignInRule() {
        String username = unique("auditor");
        Api.Response created = createOperator(username, "AUDITOR", null);
        Api auditor = login(username);

        Api.Response auditLog = auditor.get("/api/admin/audit-log?action=OPERATOR_CREATED");
        JsonNode rule = auditor.get("/api/admin/sign-in-rule").json();
        Api.Response change = auditor.put("/api/admin/sign-in-rule", rule);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("AUDITOR");
        assertThat(auditLog.status()).isEqualTo(200);
        assertThat(auditLog.json().path("items").findValuesAsString("target"))
                .contains("operator:" + created.json().path("id").asLong());
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.code()).isEqualTo("FORBIDDEN");
        assertThat(auditor.get("/api/admin/me").json().path("role").asString()).isEqualTo("AUDITOR");
    }

    @Test
    void aStoreManagerBindsStaffAndReadsPurchasesOfTheirStoreOnly() {
        String username = unique("manager");
        createOperator(username, "STORE_MANAGER", storeA);
        Api manager = login(username);
        long staffAtA = memberId(unique("clerk-a"));
        long staffAtB = memberId(unique("clerk-b"));
        String customer = loginMember(unique("customer"));
        String orderAtA = recordPurchase(storeA, customer, 5_000);
        String orderAtB = recordPurchase(storeB, customer, 7_000);

        Api.Response bindA = manager.post("/api/admin/staff", Map.of("memberId", staffAtA, "storeId", storeA));
        Api.Response bindB = manager.post("/api/admin/staff", Map.of("memberId", staffAtB, "storeId", storeB));
        Api.Response purchasesOfB = manager.get("/api/admin/purchases?storeId=" + storeB);
        JsonNode purchasesOfA = manager.get("/api/admin/purchases?storeId=" + storeA).json();
        JsonNode ownByDefault = manager.get("/api/admin/purchases").json();

        assertThat(bindA.status()).isEqualTo(200);
        assertThat(bindB.status()).isEqualTo(403);
        assertThat(bindB.code()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM counter_staff WHERE member_id = ?", Long.class, staffAtB)).isZero();
        assertThat(purchasesOfB.status()).isEqualTo(403);
        assertThat(purchasesOfA.path("items").findValuesAsString("orderNo")).contains(orderAtA).doesNotContain(orderAtB);
        assertThat(ownByDefault.path("items").findValuesAsString("orderNo")).contains(orderAtA).doesNotContain(orderAtB);
        assertThat(manager.get("/api/admin/stores").json().findValuesAsString("name")).containsOnly("Store A");
        assertThat(manager.get("/api/admin/staff?storeId=" + storeB).status()).isEqualTo(403);
        assertThat(manager.put("/api/admin/sign-in-rule", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT actor_role FROM audit_log WHERE action = 'STAFF_BOUND' AND target = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, "member:" + staffAtA)).isEqualTo("STORE_MANAGER");
    }

    @Test
    void aStoreManagerCannotTakeOrUnbindAnotherStoresStaff() {
        String username = unique("manager");
        createOperator(username, "STORE_MANAGER", storeA);
        Api manager = login(username);
        long clerkOfB = memberId(unique("clerk-b"));
        owner.post("/api/admin/staff", Map.of("memberId", clerkOfB, "storeId", storeB));

        Api.Response moveToA = manager.post("/api/admin/staff", Map.of("memberId", clerkOfB, "storeId", storeA));
        Api.Response unbind = manager.delete("/api/admin/staff/" + clerkOfB);

        assertThat(moveToA.status()).as(moveToA.toString()).isEqualTo(403);
        assertThat(unbind.status()).as(unbind.toString()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT store_id FROM counter_staff WHERE member_id = ?", Long.class, clerkOfB))
                .isEqualTo(storeB);
    }

    @Test
    void disablingAnOperatorOrChangingTheirRoleTakesEffectOnTheirNextRequest() {
        String username = unique("ops");
        long id = createOperator(username, "OPERATOR", null).json().path("id").asLong();
        Api operator = login(username);
        assertThat(operator.get("/api/admin/operators").status()).as("operators are for owners").isEqualTo(403);
        assertThat(operator.post("/api/admin/stores", Map.of("name", "Opened by an operator")).status()).isEqualTo(201);

        owner.put("/api/admin/operators/" + id, Map.of("role", "AUDITOR", "enabled", true));
        Api.Response asAuditor = operator.post("/api/admin/stores", Map.of("name", "Refused"));
        owner.put("/api/admin/operators/" + id, Map.of("role", "AUDITOR", "enabled", false));
        Api.Response disabled = operator.get("/api/admin/me");
        Api.Response loginAgain = api.post("/api/admin/auth/login", Map.of("username", username, "password", PASSWORD));

        assertThat(asAuditor.status()).isEqualTo(403);
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(loginAgain.status()).isEqualTo(401);
    }

    @Test
    void aPasswordResetByAnOwnerEndsTheOperatorsSessions() {
        String username = unique("ops");
        long id = createOperator(username, "OPERATOR", null).json().path("id").asLong();
        Api before = login(username);
        clock.advance(java.time.Duration.ofSeconds(1));

        Api.Response reset = owner.post("/api/admin/operators/" + id + "/password", Map.of("password", "another-long-password"));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(before.get("/api/admin/me").status()).isEqualTo(401);
        assertThat(api.post("/api/admin/auth/login", Map.of("username", username, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/admin/auth/login", Map.of("username", username, "password", "another-long-password"))
                .status()).isEqualTo(200);
    }

    @Test
    void anOperatorChangesTheirOwnPasswordWithTheOldOneAndKeepsWorkingWithTheNewToken() {
        String username = unique("auditor");
        createOperator(username, "AUDITOR", null);
        Api old = login(username);
        clock.advance(java.time.Duration.ofSeconds(1));

        Api.Response wrongOld = old.post("/api/admin/me/password",
                Map.of("oldPassword", "not-the-password", "newPassword", "my-new-long-password"));
        Api.Response tooShort = old.post("/api/admin/me/password", Map.of("oldPassword", PASSWORD, "newPassword", "short"));
        Api.Response changed = old.post("/api/admin/me/password",
                Map.of("oldPassword", PASSWORD, "newPassword", "my-new-long-password"));

        assertThat(wrongOld.status()).isEqualTo(400);
        assertThat(wrongOld.json().path("errors").findValuesAsString("field")).contains("oldPassword");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(old.get("/api/admin/me").status()).isEqualTo(401);
        assertThat(api.as(changed.json().path("token").asString()).get("/api/admin/me").json().path("username").asString())
                .isEqualTo(username);
    }

    @Test
    void aStoreManagerNeedsAnExistingStoreAndOnlyAStoreManagerHasOne() {
        Api.Response noStore = createOperator(unique("manager"), "STORE_MANAGER", null);
        Api.Response noSuchStore = createOperator(unique("manager"), "STORE_MANAGER", 999_999_999_999L);
        Api.Response auditorWithStore = createOperator(unique("auditor"), "AUDITOR", storeA);
        Api.Response shortPassword = owner.post("/api/admin/operators",
                Map.of("username", unique("ops"), "password", "short", "role", "OPERATOR"));
        String taken = unique("ops");
        createOperator(taken, "OPERATOR", null);
        Api.Response duplicate = createOperator(taken, "OPERATOR", null);

        assertThat(noStore.status()).isEqualTo(400);
        assertThat(noSuchStore.status()).isEqualTo(400);
        assertThat(auditorWithStore.status()).isEqualTo(400);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void theLastEnabledOwnerCanBeNeitherDemotedNorDisabled() {
        String username = unique("owner");
        long second = createOperator(username, "OWNER", null).json().path("id").asLong();
        Api secondOwner = login(username);
        // every other owner (other tests make some) steps aside, leaving the configured admin and this one
        long admin = jdbc.queryForObject("SELECT id FROM admin_account WHERE username = 'admin'", Long.class);
        jdbc.update("UPDATE admin_account SET role = 'OPERATOR' WHERE role = 'OWNER' AND id NOT IN (?, ?)", admin, second);

        Api.Response demoteAdmin = secondOwner.put("/api/admin/operators/" + admin, Map.of("role", "OPERATOR", "enabled", true));
        Api.Response disableSelf = secondOwner.put("/api/admin/operators/" + second, Map.of("role", "OWNER", "enabled", false));

        assertThat(demoteAdmin.status()).as("another owner remains").isEqualTo(200);
        assertThat(disableSelf.status()).isEqualTo(409);
        assertThat(disableSelf.code()).isEqualTo("LAST_OWNER");
        assertThat(jdbc.queryForObject("SELECT enabled FROM admin_account WHERE id = ?", Boolean.class, second)).isTrue();
        // the configured admin is an owner again for the rest of the suite
        secondOwner.put("/api/admin/operators/" + admin, Map.of("role", "OWNER", "enabled", true));
        assertThat(jdbc.queryForObject("SELECT role FROM admin_account WHERE id = ?", String.class, admin)).isEqualTo("OWNER");
    }

    private Api.Response createOperator(String username, String role, Long storeId) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (storeId != null) {
            body.put("storeId", storeId);
        }
        return owner.post("/api/admin/operators", body);
    }

    private Api login(String username) {
        Api.Response response = api.post("/api/admin/auth/login", Map.of("username", username, "password", PASSWORD));
        assertThat(response.status()).as("login of " + username).isEqualTo(200);
        return api.as(response.json().path("token").asString());
    }

    /** A staff member of the store records a purchase of the customer; answers its order number. */
    private String recordPurchase(long storeId, String customerToken, long amountCents) {
        String clerkCode = unique("till");
        owner.post("/api/admin/staff", Map.of("memberId", memberId(clerkCode), "storeId", storeId));
        Api till = api.as(loginMember(clerkCode));
        String orderNo = unique("order");
        Api.Response purchase = till.post("/api/staff/purchases", Map.of("memberCode", memberCode(api.as(customerToken)),
                "orderNo", orderNo, "amountCents", amountCents));
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(200);
        return orderNo;
    }
}
