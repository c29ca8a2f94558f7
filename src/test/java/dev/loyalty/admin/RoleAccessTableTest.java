package dev.loyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every admin operation the OpenAPI document lists, called by every role: the table below is what each role
 * may do, and the server must agree with it everywhere, including on endpoints added later.
 */
class RoleAccessTableTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final long NO_SUCH_ID = 999_999_999_999L;

    /** Every operator reads and changes their own account. */
    private static final Set<String> OWN_ACCOUNT = Set.of("GET /api/admin/me", "POST /api/admin/me/password");

    /**
     * A store manager's whole reach; which store they see is then checked by each of these. A member's history,
     * export ({@code GET /api/admin/members/{id}/export}: owners, operators, auditors) and deletion
     * ({@code DELETE /api/admin/members/{id}}: owners, operators) are not a store's.
     */
    private static final Set<String> STORE_MANAGER = Set.of(
            "GET /api/admin/stores",
            "GET /api/admin/staff", "POST /api/admin/staff", "DELETE /api/admin/staff/{memberId}",
            "GET /api/admin/purchases", "GET /api/admin/wallet-movements", "GET /api/admin/coupon-verifications",
            "GET /api/admin/coupons/lookup",
            "GET /api/admin/members", "GET /api/admin/members/{id}");

    private static boolean mayCall(String role, String method, String path) {
        if (OWN_ACCOUNT.contains(method + " " + path)) {
            return true;
        }
        switch (role) {
            case "OWNER":
                return true;
            case "OPERATOR":
                return !path.startsWith("/api/admin/operators");
            case "AUDITOR":
                return method.equals("GET");
            case "STORE_MANAGER":
                return STORE_MANAGER.contains(method + " " + path);
            default:
                throw new IllegalArgumentException(role);
        }
    }

    @Test
    void eachRoleReachesExactlyWhatTheTableSaysOnEveryAdminOperation() {
        Api owner = api.as(loginAdmin());
        long storeA = owner.post("/api/admin/stores", Map.of("name", "Managed")).json().path("id").asLong();
        long storeB = owner.post("/api/admin/stores", Map.of("name", "Not managed")).json().path("id").asLong();
        Map<String, Api> callers = new HashMap<>();
        for (String role : List.of("OWNER", "OPERATOR", "AUDITOR", "STORE_MANAGER")) {
            callers.put(role, operator(owner, role, role.equals("STORE_MANAGER") ? storeA : null));
        }
        List<String> wrong = new ArrayList<>();
        int operations = 0;

        for (Map.Entry<String, JsonNode> path : api.get("/v3/api-docs").json().path("paths").properties()) {
            if (!path.getKey().startsWith("/api/admin/") || path.getKey().equals("/api/admin/auth/login")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String method = operation.getKey().toUpperCase();
                boolean hasBody = operation.getValue().has("requestBody");
                boolean byStore = declaresStoreId(operation.getValue());
                for (Map.Entry<String, Api> caller : callers.entrySet()) {
                    String role = caller.getKey();
                    boolean allowed = mayCall(role, method, path.getKey());
                    String url = concrete(path.getKey()) + (byStore ? "?storeId=" + storeA : "");
                    int status = caller.getValue().send(method, url, hasBody ? Map.of() : null).status();
                    if (allowed == (status == 403) || status == 401) {
                        wrong.add(role + " " + method + " " + url + " answered " + status + (allowed ? ", may call it" : ", may not"));
                    }
                    if (byStore && allowed && role.equals("STORE_MANAGER")) {
                        String otherStore = concrete(path.getKey()) + "?storeId=" + storeB;
                        int other = caller.getValue().send(method, otherStore, null).status();
                        if (other != 403) {
                            wrong.add(role + " " + method + " " + otherStore + " answered " + other + ", another store's");
                        }
                    }
                }
            }
        }

        assertThat(operations).as("admin operations in the OpenAPI document").isGreaterThan(50);
        assertThat(wrong).withFailMessage("%d answers broke the role table:%n%s", wrong.size(),
                String.join(System.lineSeparator(), wrong)).isEmpty();
    }

    private static boolean declaresStoreId(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asString().equals("storeId") && parameter.path("in").asString().equals("query")) {
                return true;
            }
        }
        return false;
    }

    /** Path variables name nothing that exists, so an allowed write finds nothing to change. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", Long.toString(NO_SUCH_ID));
    }

    private Api operator(Api owner, String role, Long storeId) {
        String username = unique(role.toLowerCase().replace('_', '-'));
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (storeId != null) {
            body.put("storeId", storeId);
        }
        assertThat(owner.post("/api/admin/operators", body).status()).isEqualTo(201);
        return api.as(api.post("/api/admin/auth/login", Map.of("username", username, "password", PASSWORD))
                .json().path("token").asString());
    }
}
