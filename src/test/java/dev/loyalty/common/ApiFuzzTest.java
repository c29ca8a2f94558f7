package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.Till;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, read at run time, gets hostile values in each path variable, query
 * parameter, header and JSON field in turn, the other values being plausible ones: never a 5xx, and every refusal
 * is an {@code application/problem+json} body with a {@code code}. All failures are collected and listed at once.
 *
 * <p>Each parameter or field gets the hostile values of its own kind, a few of the other kinds, and the edges of
 * its declared range; a request schema that several operations take (a coupon template's create and update, the
 * staff's and the tills' counter requests) is fuzzed field by field once, and the others get the values that
 * reached past its validation, one refused value per field, and everything else; about 8,300 requests in all. The rate limiters are off for this
 * class (a context of its own): thousands of requests from one staff member within a minute are the point here, and
 * a 429 would hide what the request behind it does with the value. What the fuzz creates that cannot be deleted
 * (levels, plans, templates) is put out of reach afterwards, and the shared rules are put back.
 */
@TestPropertySource(properties = "loyalty.rate-limit.enabled=false")
class ApiFuzzTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG = "x".repeat(10_000);
    private static final String MARKER = "@@fuzz@@";
    /** Stand-ins for what must be new on every request (a member code lives a minute, an order number is used once). */
    private static final String FRESH_MEMBER_CODE = "@@member-code@@";
    private static final String FRESH_ORDER_NO = "@@order-no@@";
    private static final String FRESH_KEY = "@@key@@";
    private static final String FRESH_LOGIN_CODE = "@@login-code@@";
    private static final String FRESH_LEVEL_CODE = "@@level-code@@";
    /** The rules every member shares, by the schema of their request body: the fuzz's PUTs are undone after it. */
    private static final Map<String, String> SHARED_RULES = Map.of("RuleRequest", "/api/admin/sign-in-rule",
            "PointsRuleRequest", "/api/admin/points-rule", "PolicyRequest", "/api/admin/rebate-policy");
    /** Growth no member of any test reaches, so levels made here never move anyone. */
    private static final long FAR_GROWTH = 9_000_000_000_000_000L;

    /** Hostile text: empty, very long, SQL and script, NUL, emoji, a lone surrogate, impossible and extreme dates. */
    private static final List<String> STRINGS = List.of("", LONG, " ", "NaN", "' OR 1=1 --", "<script>alert(1)</script>",
            "\u0000", "\uD83D\uDE00", "\uD800", "2023-02-30", "9999-99-99", "0000-01-01", "+999999999-12-31",
            "-999999999-01-01", "+999999999-12");
    /** Hostile numbers: negative, zero, the ends of long and int, beyond long, fractional, beyond double, NaN. */
    private static final List<String> NUMBERS = List.of("-1", "0", "-9223372036854775808", "9223372036854775807",
            "99999999999999999999999", "-2147483648", "2147483647", "1.5", "1e400", "NaN");
    /** Hostile JSON of neither kind. */
    private static final List<String> OTHERS = List.of("null", "true", "[]", "{}", "[1,2]", "{\"a\":1}");

    /** What a whole request body is replaced with: nothing, broken or too deep JSON, and JSON of the wrong shape. */
    private static final List<String> HOSTILE_XML = List.of(
            "<xml><MsgType>event</MsgType><Event>subscribe</Event><FromUserName>fuzz</FromUserName></xml>", "", "<xml>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>", "\u0000", "not xml at all",
            "<xml>" + "<a>".repeat(10_000) + "</xml>");
    private static final List<String> HOSTILE_BODIES = List.of("", "{", "{\"a\":", "[".repeat(10_000), "null", "[]",
            "\"x\"", "-1", "1.5", "true", "NaN", "{\"\\u0000\":1}");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger serial = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    private JsonNode components;
    private Api admin;
    private Api customer;
    private static final String FRESH_OPERATOR_PASSWORD = "the-fresh-operator-password";
    private String adminToken;
    private String staffToken;
    private String customerToken;
    /** A member and an operator who have had only refusals so far, for the requests that change their own data. */
    private String untouchedMemberToken;
    private String untouchedOperatorToken;
    private long storeId;
    private long customerId;
    private long spareMemberId;
    private String levelCode;
    private long topUpPlanId;
    private long editablePlanId;
    private long mallTemplateId;
    private long editableTemplateId;
    private long couponId;
    private String couponCode;
    private long revocableCouponId;
    private String purchasedOrderNo;
    private String paidOrderNo;
    private String checkedOutOrderNo;
    /** The store's API key every {@code /api/open/} request is signed with, and a spare one for the revoke. */
    private String tillKeyId;
    private String tillSecret;
    private String spareKeyId;
    /** A purchase and a wallet payment of their own for the open API's refunds (the staff fuzz refunds the others). */
    private String openPurchasedOrderNo;
    private String openPaidOrderNo;
    /** The rules every member shares, as they were before: the fuzz puts them back when it is done. */
    private final Map<String, JsonNode> sharedRules = new LinkedHashMap<>();
    private final Set<String> levelsBefore = new HashSet<>();
    private final Set<Long> plansBefore = new HashSet<>();
    private final Set<Long> templatesBefore = new HashSet<>();
    private final Set<Long> webhooksBefore = new HashSet<>();
    /** By request schema and Accept: how the first operation taking it answered each field's hostile values. */
    private final Map<String, Map<String, Integer>> bodyAnswers = new HashMap<>();

    @BeforeEach
    void openAStoreWithStaffACustomerAndTheirCouponsAndOrders() {
        adminToken = loginAdmin();
        admin = api.as(adminToken);
        for (String rule : SHARED_RULES.values()) {
            sharedRules.put(rule, admin.get(rule).json());
        }
        admin.get("/api/admin/levels").json().forEach(level -> levelsBefore.add(level.path("code").asString()));
        admin.get("/api/admin/wallet-plans").json().forEach(plan -> plansBefore.add(plan.path("id").asLong()));
        admin.get("/api/admin/coupon-templates").json().forEach(t -> templatesBefore.add(t.path("id").asLong()));
        admin.get("/api/admin/webhooks").json().forEach(w -> webhooksBefore.add(w.path("id").asLong()));
        storeId = created(admin.post("/api/admin/stores", Map.of("name", "Fuzz Store"))).path("id").asLong();
        String staffCode = unique("fuzz-staff");
        ok(admin.post("/api/admin/staff", Map.of("memberId", memberId(staffCode), "storeId", storeId)));
        staffToken = loginMember(staffCode);
        String customerCode = unique("fuzz-customer");
        customerId = memberId(customerCode);
        customerToken = loginMember(customerCode);
        customer = api.as(customerToken);
        spareMemberId = memberId(unique("fuzz-spare"));
        levelCode = "FZ-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        created(admin.post("/api/admin/levels", Map.of("code", levelCode, "name", "Fuzz",
                "minGrowth", FAR_GROWTH, "pointsMultiplierPercent", 100)));
        topUpPlanId = created(admin.post("/api/admin/wallet-plans",
                Map.of("name", "Fuzz top-up", "payCents", 100, "bonusCents", 0, "enabled", true))).path("id").asLong();
        editablePlanId = created(admin.post("/api/admin/wallet-plans",
                Map.of("name", "Fuzz plan", "payCents", 100, "bonusCents", 0, "enabled", false))).path("id").asLong();
        mallTemplateId = created(admin.post("/api/admin/coupon-templates", template(true))).path("id").asLong();
        editableTemplateId = created(admin.post("/api/admin/coupon-templates", template(false))).path("id").asLong();
        JsonNode coupon = created(customer.with("Idempotency-Key", unique("fuzz"))
                .post("/api/app/mall/items/" + mallTemplateId + "/redeem", null)).path("coupon");
        couponId = coupon.path("id").asLong();
        couponCode = coupon.path("code").asString();
        revocableCouponId = created(customer.with("Idempotency-Key", unique("fuzz"))
                .post("/api/app/mall/items/" + mallTemplateId + "/redeem", null)).path("coupon").path("id").asLong();
        JsonNode tillKey = created(admin.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", "Fuzz till")));
        tillKeyId = tillKey.path("keyId").asString();
        tillSecret = tillKey.path("secret").asString();
        spareKeyId = created(admin.post("/api/admin/stores/" + storeId + "/api-keys", Map.of("name", "Fuzz spare")))
                .path("keyId").asString();
        Api staff = api.as(staffToken);
        purchasedOrderNo = unique("FZ-P");
        ok(staff.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(customer), "orderNo", purchasedOrderNo, "amountCents", 100_000)));
        ok(staff.post("/api/staff/wallet/top-ups",
                Map.of("memberCode", memberCode(customer), "orderNo", unique("FZ-T"), "amountCents", 100_000)));
        paidOrderNo = unique("FZ-W");
        ok(staff.post("/api/staff/wallet/payments",
                Map.of("memberCode", memberCode(customer), "orderNo", paidOrderNo, "amountCents", 100)));
        checkedOutOrderNo = unique("FZ-C");
        ok(staff.post("/api/staff/checkouts",
                Map.of("memberCode", memberCode(customer), "orderNo", checkedOutOrderNo, "amountCents", 100_000)));
        openPurchasedOrderNo = unique("FZ-P");
        ok(staff.post("/api/staff/purchases",
                Map.of("memberCode", memberCode(customer), "orderNo", openPurchasedOrderNo, "amountCents", 100_000)));
        openPaidOrderNo = unique("FZ-W");
        ok(staff.post("/api/staff/wallet/payments",
                Map.of("memberCode", memberCode(customer), "orderNo", openPaidOrderNo, "amountCents", 100)));
    }

    /**
     * Levels, plans and templates cannot be deleted: those the fuzz made (a level at growth 0 included) are moved
     * out of every member's reach and switched off, the shared rules are put back and the customer's points are
     * spent, so that later tests start from what they expect. The webhooks it made are deleted.
     */
    @AfterEach
    void putTheSharedRulesBackAndCloseWhatTheFuzzOpened() {
        sharedRules.forEach((path, rule) -> ok(admin.put(path, rule)));
        // the largest adjustments and purchases there are went to the customer: off the top of the points board
        long balance = admin.get("/api/admin/members/" + customerId).json().path("member").path("pointsBalance").asLong();
        for (long step; balance > 0; balance -= step) {
            step = Math.min(balance, 10_000_000);
            ok(admin.post("/api/admin/members/" + customerId + "/points-adjustments",
                    Map.of("delta", -step, "reason", "fuzz over")));
        }
        for (JsonNode level : admin.get("/api/admin/levels").json()) {
            if (!levelsBefore.contains(level.path("code").asString())) {
                ok(admin.put("/api/admin/levels/" + level.path("code").asString(),
                        Map.of("name", "Fuzz", "minGrowth", FAR_GROWTH, "pointsMultiplierPercent", 100)));
            }
        }
        for (JsonNode plan : admin.get("/api/admin/wallet-plans").json()) {
            if (!plansBefore.contains(plan.path("id").asLong())) {
                ok(admin.put("/api/admin/wallet-plans/" + plan.path("id").asLong(),
                        Map.of("name", "Fuzz plan", "payCents", 100, "bonusCents", 0, "enabled", false)));
            }
        }
        for (JsonNode webhook : admin.get("/api/admin/webhooks").json()) {
            if (!webhooksBefore.contains(webhook.path("id").asLong())) {
                assertThat(admin.delete("/api/admin/webhooks/" + webhook.path("id").asLong()).status()).isEqualTo(204);
            }
        }
        for (JsonNode template : admin.get("/api/admin/coupon-templates").json()) {
            if (!templatesBefore.contains(template.path("id").asLong())) {
                ok(admin.put("/api/admin/coupon-templates/" + template.path("id").asLong(), template(false)));
            }
        }
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverWithAServerError() {
        JsonNode docs = api.get("/v3/api-docs").json();
        components = docs.path("components").path("schemas");
        int operations = 0;
        long started = System.nanoTime();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            // The sandbox stands in for WeChat's own API (jscode2session, template/send...) in development and is
            // off in production; it answers as WeChat does (errcode JSON), it is not an API of this app.
            if (path.getKey().startsWith("/wx-sandbox/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                fuzz(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(60);
        assertThat(failures)
                .withFailMessage("%d of %d requests to %d operations (%d s) were answered wrongly:%n%s", failures.size(),
                        requests, operations, seconds, String.join(System.lineSeparator(), failures))
                .isEmpty();
    }

    // ---- one operation ---------------------------------------------------------------------------------------

    private record Operation(String method, String path, JsonNode spec) {
    }

    /** A parameter of an operation; an object parameter (PageQuery) stands for its properties, as OpenAPI's form style says. */
    private record Param(String name, String in, JsonNode schema) {
    }

    private void fuzz(Operation op) {
        List<Param> params = params(op);
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.has("text/xml")) {
            Request xml = new Request(op, null).withContentType("text/xml");
            for (String body : HOSTILE_XML) {
                send(xml.withBody(body).describedAs("xml body = " + show(body)), op);
            }
            return;
        }
        if (content.has("multipart/form-data")) {
            fuzzMultipart(op);
            return;
        }
        if (!content.isMissingNode() && !content.has("application/json")) {
            failures.add(op.method() + " " + op.path() + "  takes " + content.propertyNames() + ", which this fuzz does not write");
        }
        JsonNode bodySchema = content.path("application/json").path("schema");
        List<String> accepts = accepts(op);
        for (String accept : accepts) {
            fuzz(op, params, bodySchema, accept);
        }
    }

    private void fuzz(Operation op, List<Param> params, JsonNode bodySchema, String accept) {
        Request plain = new Request(op, accept);
        send(plain, op);
        send(plain.accepting("application/xml").describedAs("a media type it does not answer in"), op);
        for (Param param : params) {
            for (String value : textValues(param)) {
                send(plain.with(param, value).describedAs(param.in() + " " + param.name() + " = " + show(value)), op);
            }
            if (param.in().equals("query")) {
                send(plain.without(param).describedAs("query " + param.name() + " left out"), op);
                send(plain.repeated(param).describedAs("query " + param.name() + " given twice"), op);
            } else if (param.in().equals("header")) {
                send(plain.without(param).describedAs("header " + param.name() + " left out"), op);
            }
        }
        if (bodySchema.isMissingNode()) {
            return;
        }
        send(plain.withBody(null).describedAs("no body"), op);
        send(plain.withContentType("text/plain").describedAs("body sent as text/plain"), op);
        for (String body : HOSTILE_BODIES) {
            send(plain.withBody(body).describedAs("body = " + show(body)), op);
        }
        // A request schema is fuzzed field by field once, by the first operation that takes it; an operation that
        // takes it again gets what reached past the first one's validation, and one refused value per field.
        String schemaKey = schemaName(bodySchema) + " " + accept;
        Map<String, Integer> firstAnswers = bodyAnswers.get(schemaKey);
        boolean again = firstAnswers != null;
        if (!again) {
            firstAnswers = new HashMap<>();
            if (!schemaName(bodySchema).isEmpty()) {
                bodyAnswers.put(schemaKey, firstAnswers);
            }
        }
        Set<String> refusalsSentAgain = new HashSet<>();
        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("", plain.body);
        baselines.putAll(alternatives(bodySchema, JSON.readTree(plain.body)));
        for (Map.Entry<String, String> alternative : baselines.entrySet()) {
            String baselineBody = alternative.getValue();
            Request base = alternative.getKey().isEmpty() ? plain : plain.withPlausibleBody(baselineBody, alternative.getKey());
            if (base != plain) {
                send(base, op);
            }
            JsonNode baseline = JSON.readTree(baselineBody);
            for (List<Object> field : fields(resolve(bodySchema), new ArrayList<>())) {
                JsonNode schema = schemaAt(resolve(bodySchema), field);
                for (String value : jsonValues(schema)) {
                    String key = alternative.getKey() + " " + name(field) + " = " + value;
                    Integer first = firstAnswers.get(key);
                    if (again && first != null && first == 400 && !refusalsSentAgain.add(alternative.getKey() + " " + name(field))) {
                        continue;
                    }
                    int status = send(base.withBody(replaced(baseline, field, value))
                            .describedAs("body " + name(field) + " = " + show(value) + variant(alternative.getKey())), op);
                    if (!again) {
                        firstAnswers.put(key, status);
                    }
                }
                send(base.withBody(removed(baseline, field))
                        .describedAs("body " + name(field) + " left out" + variant(alternative.getKey())), op);
            }
        }
    }

    /**
     * An upload (the avatar): one plausible multipart body with a small PNG in each part the document names, then
     * that body broken every way a client or an attacker might: parts missing, empty, doubled, not images, names
     * and headers too long, no boundary, cut short, not multipart at all, too many parts.
     */
    private void fuzzMultipart(Operation op) {
        String boundary = "fuzz" + serial.incrementAndGet();
        String multipart = "multipart/form-data; boundary=" + boundary;
        String png = "\u0089PNG\r\n\u001a\n" + "x".repeat(64);
        List<String> fields = new ArrayList<>();
        op.spec().path("requestBody").path("content").path("multipart/form-data").path("schema").path("properties")
                .propertyNames().forEach(fields::add);
        String field = fields.isEmpty() ? "file" : fields.get(0);
        String plausible = part(boundary, field, "a.png", "image/png", png) + "--" + boundary + "--\r\n";
        sendMultipart(op, multipart, plausible, "plausible multipart", true, null);
        sendMultipart(op, multipart, plausible, "a media type it does not answer in", false, "application/xml");
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("an empty file", part(boundary, field, "a.png", "image/png", "") + "--" + boundary + "--\r\n");
        hostile.put("text named .png", part(boundary, field, "a.png", "image/png", "not an image") + "--" + boundary + "--\r\n");
        hostile.put("the file under another name", part(boundary, "other", "a.png", "image/png", png) + "--" + boundary + "--\r\n");
        hostile.put("the file as a plain field", "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"\r\n\r\n" + png + "\r\n--" + boundary + "--\r\n");
        hostile.put("the file twice", part(boundary, field, "a.png", "image/png", png) + part(boundary, field, "b.png", "image/png", png)
                + "--" + boundary + "--\r\n");
        hostile.put("a long file name", part(boundary, field, LONG + ".png", "image/png", png) + "--" + boundary + "--\r\n");
        hostile.put("a hostile file name", part(boundary, field, "../../etc/passwd\u0000.png", "image/png", png) + "--" + boundary + "--\r\n");
        hostile.put("a long part header", "--" + boundary + "\r\nX-Fuzz: " + LONG + "\r\n" + part(boundary, field, "a.png", "image/png", png)
                .substring(boundary.length() + 4) + "--" + boundary + "--\r\n");
        hostile.put("cut short", part(boundary, field, "a.png", "image/png", png).substring(0, 60));
        hostile.put("no closing boundary", part(boundary, field, "a.png", "image/png", png));
        hostile.put("not multipart at all", "not multipart at all");
        hostile.put("nothing", "");
        hostile.put("many parts", ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n").repeat(2_000)
                + part(boundary, field, "a.png", "image/png", png) + "--" + boundary + "--\r\n");
        for (Map.Entry<String, String> body : hostile.entrySet()) {
            sendMultipart(op, multipart, body.getValue(), body.getKey(), false, null);
        }
        sendMultipart(op, "multipart/form-data", plausible, "no boundary in the Content-Type", false, null);
        sendMultipart(op, "multipart/form-data; boundary=other", plausible, "another boundary than the body's", false, null);
        sendMultipart(op, "application/json", "{}", "a JSON body", false, null);
        sendMultipart(op, "text/plain", png, "the bytes as text/plain", false, null);
        sendMultipart(op, "image/png", png, "the bytes as image/png", false, null);
    }

    /** Adds the operation's token and the Accept, and sends; null when no answer came (recorded as a failure). */
    private HttpResponse<String> send(HttpRequest.Builder builder, Operation op, String accept, String label) {
        String token = tokenFor(op);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        requests++;
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                spent(op);
            }
            return response;
        } catch (IOException e) {
            failures.add(label + "  → no answer: " + e);
            spent(op);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String part(String boundary, String name, String filename, String type, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n";
    }

    /** Sends one multipart body as bytes (each char one byte, so the PNG signature survives) and judges the answer. */
    private void sendMultipart(Operation op, String contentType, String body, String description, boolean plausible,
            String accept) {
        String label = op.method() + " " + op.path() + (accept == null ? "" : " [Accept: " + accept + "]") + "  " + description;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + op.path()))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", nextClientIp())
                .header("Content-Type", contentType)
                .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        HttpResponse<String> response = send(builder, op, accept, label);
        if (response == null) {
            return;
        }
        String wrong = judge(response);
        if (wrong == null && plausible && response.statusCode() != 200) {
            wrong = "the plausible upload is refused";
        }
        if (wrong != null) {
            failures.add(label + "  → " + response.statusCode() + " " + wrong + ": "
                    + response.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                    + excerpt(response.body()));
        }
    }

    /** One request: the operation's plausible values with at most one of them replaced. Immutable. */
    private final class Request {

        final Operation op;
        final String accept;
        final Map<String, String> pathValues;
        final Map<String, List<String>> query;
        final Map<String, String> headers;
        final String body;
        final String contentType;
        final String description;
        /** Nothing replaced: every value is one the document allows. */
        final boolean plausible;

        Request(Operation op, String accept) {
            this.op = op;
            this.accept = accept;
            this.pathValues = new LinkedHashMap<>();
            this.query = new LinkedHashMap<>();
            this.headers = new LinkedHashMap<>();
            for (Param param : params(op)) {
                String value = plausibleText(op.path(), param);
                switch (param.in()) {
                    case "path" -> pathValues.put(param.name(), value);
                    case "query" -> query.put(param.name(), List.of(value));
                    case "header" -> headers.put(param.name(), value);
                    default -> throw new IllegalStateException("parameter in " + param.in());
                }
            }
            JsonNode bodySchema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
            this.body = bodySchema.isMissingNode() ? null : JSON.writeValueAsString(plausibleBody(op.path(), bodySchema));
            this.contentType = "application/json";
            this.description = "plausible values";
            this.plausible = true;
        }

        private Request(Request from, Map<String, String> pathValues, Map<String, List<String>> query,
                Map<String, String> headers, String body, String contentType, String description) {
            this(from, from.accept, pathValues, query, headers, body, contentType, description, false);
        }

        private Request(Request from, String accept, Map<String, String> pathValues, Map<String, List<String>> query,
                Map<String, String> headers, String body, String contentType, String description, boolean plausible) {
            this.op = from.op;
            this.accept = accept;
            this.pathValues = pathValues;
            this.query = query;
            this.headers = headers;
            this.body = body;
            this.contentType = contentType;
            this.description = description;
            this.plausible = plausible;
        }

        /** The same request with another body the document allows (a coupon window instead of validDays...). */
        Request withPlausibleBody(String other, String what) {
            return new Request(this, accept, pathValues, query, headers, other, contentType, "plausible values, " + what,
                    true);
        }

        Request with(Param param, String value) {
            Map<String, String> path = new LinkedHashMap<>(pathValues);
            Map<String, List<String>> q = new LinkedHashMap<>(query);
            Map<String, String> h = new LinkedHashMap<>(headers);
            switch (param.in()) {
                case "path" -> path.put(param.name(), value);
                case "query" -> q.put(param.name(), List.of(value));
                default -> h.put(param.name(), value);
            }
            return new Request(this, path, q, h, body, contentType, description);
        }

        Request without(Param param) {
            Map<String, List<String>> q = new LinkedHashMap<>(query);
            Map<String, String> h = new LinkedHashMap<>(headers);
            q.remove(param.name());
            h.remove(param.name());
            return new Request(this, pathValues, q, h, body, contentType, description);
        }

        Request repeated(Param param) {
            Map<String, List<String>> q = new LinkedHashMap<>(query);
            String value = q.get(param.name()).get(0);
            q.put(param.name(), List.of(value, value));
            return new Request(this, pathValues, q, headers, body, contentType, description);
        }

        Request withBody(String newBody) {
            return new Request(this, pathValues, query, headers, newBody, contentType, description);
        }

        Request accepting(String type) {
            return new Request(this, type, pathValues, query, headers, body, contentType, description, false);
        }

        Request withContentType(String type) {
            return new Request(this, pathValues, query, headers, body, type, description);
        }

        Request describedAs(String what) {
            return new Request(this, pathValues, query, headers, body, contentType, what);
        }

        String uri() {
            String path = op.path();
            for (Map.Entry<String, String> variable : pathValues.entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", percentEncoded(fresh(variable.getValue())));
            }
            String queryString = query.entrySet().stream()
                    .flatMap(p -> p.getValue().stream().map(v -> percentEncoded(p.getKey()) + "=" + percentEncoded(fresh(v))))
                    .collect(Collectors.joining("&"));
            return "http://127.0.0.1:" + port + path + (queryString.isEmpty() ? "" : "?" + queryString);
        }
    }

    // ---- sending and judging ---------------------------------------------------------------------------------

    /** Sends the request and judges the answer; answers its status, or -1 when nothing was sent or answered. */
    private int send(Request request, Operation op) {
        String label = op.method() + " " + op.path() + (request.accept == null ? "" : " [Accept: " + request.accept + "]")
                + "  " + request.description;
        HttpRequest.Builder builder;
        URI uri = URI.create(request.uri());
        try {
            builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", nextClientIp());
            for (Map.Entry<String, String> header : request.headers.entrySet()) {
                builder.header(header.getKey(), onTheWire(fresh(header.getValue())));
            }
        } catch (IllegalArgumentException unsendable) {
            // java.net.http refuses a header value with a NUL in it, as HTTP/1.1 does: nothing reaches the app.
            return -1;
        }
        byte[] body = request.body == null ? new byte[0] : fresh(request.body).getBytes(StandardCharsets.UTF_8);
        if (op.path().startsWith("/api/open/")) {
            signed(builder, op.method(), uri, body);
        }
        if (request.body == null) {
            builder.method(op.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", request.contentType)
                    .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = send(builder, op, request.accept, label);
        if (response == null) {
            return -1;
        }
        String wrong = judge(response);
        if (wrong == null && request.plausible && response.statusCode() == 400) {
            wrong = "the plausible request, built from the document, is refused: the document and the code disagree";
        }
        if (wrong != null) {
            failures.add(label + "  → " + response.statusCode() + " " + wrong + ": "
                    + response.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                    + excerpt(response.body()));
        }
        return response.statusCode();
    }

    /**
     * Signs a request to the open API with the fuzz store's key, as a till would, over exactly the path, query and
     * body bytes that go out: every request gets through the signature and its values reach the endpoint.
     */
    private void signed(HttpRequest.Builder builder, String method, URI uri, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = "fuzz-" + serial.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        builder.header("X-Loyalty-Key", tillKeyId)
                .header("X-Loyalty-Timestamp", timestamp)
                .header("X-Loyalty-Nonce", nonce)
                .header("X-Loyalty-Signature", Till.signature(tillSecret, method, pathAndQuery, timestamp, nonce, body));
    }

    /** What is wrong with an answer, or null. */
    private static String judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        String body = response.body() == null ? "" : response.body();
        if (body.contains("Exception") || body.contains("at dev.loyalty")) {
            return "internals in the answer";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not a problem body";
        }
        try {
            if (JSON.readTree(body).path("code").asString("").isBlank()) {
                return "a problem without a code";
            }
        } catch (RuntimeException notJson) {
            return "a problem body that is not JSON";
        }
        return null;
    }

    /**
     * A member changes things once: a birthday is set once, one sign-in a day, a few makeups a month. So each
     * request that changes a member's own data comes from a member to whom nothing has happened yet: one that only
     * had requests refused (4xx, which change nothing), and a new one after any other answer ({@link #spent}).
     */
    private String tokenFor(Operation op) {
        String path = op.path();
        if (path.equals("/api/app/auth/login") || path.equals("/api/admin/auth/login")) {
            return null;
        }
        if (path.equals("/api/admin/me/password")) {
            // a changed password ends the operator's other sessions: never the admin's the fuzz runs on
            if (untouchedOperatorToken == null) {
                untouchedOperatorToken = freshOperatorToken();
            }
            return untouchedOperatorToken;
        }
        if (path.startsWith("/api/admin/")) {
            return adminToken;
        }
        if (path.startsWith("/api/staff/")) {
            return staffToken;
        }
        if (path.startsWith("/api/app/")) {
            if (op.method().equals("GET")) {
                return customerToken;
            }
            if (untouchedMemberToken == null) {
                untouchedMemberToken = loginMember(unique("fuzz-member"));
            }
            return untouchedMemberToken;
        }
        // /api/open/: no token, each request is signed with the store's API key (signed(...))
        return null;
    }

    /** After an answer that may have changed the member or operator a request came from: the next one gets a new one. */
    private void spent(Operation op) {
        if (op.path().equals("/api/admin/me/password")) {
            untouchedOperatorToken = null;
        } else if (op.path().startsWith("/api/app/") && !op.method().equals("GET")) {
            untouchedMemberToken = null;
        }
    }

    /** An operator to whom nothing has happened yet, whose password is {@link #FRESH_OPERATOR_PASSWORD}. */
    private String freshOperatorToken() {
        String username = unique("fuzz-op");
        created(admin.post("/api/admin/operators",
                Map.of("username", username, "password", FRESH_OPERATOR_PASSWORD, "role", "OPERATOR")));
        return api.from(nextClientIp()).post("/api/admin/auth/login", Map.of("username", username, "password", FRESH_OPERATOR_PASSWORD))
                .json().path("token").asString();
    }

    // ---- the document ----------------------------------------------------------------------------------------

    private List<Param> params(Operation op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode param : op.spec().path("parameters")) {
            JsonNode schema = resolve(param.path("schema"));
            if (schema.path("type").asString("").equals("object")) {
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    params.add(new Param(property.getKey(), param.path("in").asString(), resolve(property.getValue())));
                }
            } else {
                params.add(new Param(param.path("name").asString(), param.path("in").asString(), schema));
            }
        }
        return params;
    }

    /** The media types the operation answers in: each gets its own run, with that Accept header. */
    private static List<String> accepts(Operation op) {
        Set<String> types = new LinkedHashSet<>();
        op.spec().path("responses").properties().forEach(response ->
                response.getValue().path("content").properties().forEach(content -> types.add(content.getKey())));
        types.remove("*/*");
        List<String> accepts = new ArrayList<>(types);
        if (accepts.isEmpty()) {
            accepts.add(null);
        }
        return accepts;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Every field of a body, nested objects and the first item of arrays included, as paths of names and indexes. */
    private List<List<Object>> fields(JsonNode schema, List<Object> prefix) {
        List<List<Object>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            List<Object> field = new ArrayList<>(prefix);
            field.add(property.getKey());
            fields.add(field);
            JsonNode type = resolve(property.getValue());
            if (type.path("type").asString("").equals("array")) {
                List<Object> item = new ArrayList<>(field);
                item.add(0);
                JsonNode items = resolve(type.path("items"));
                if (items.has("properties")) {
                    fields.addAll(fields(items, item));
                } else {
                    fields.add(item);
                }
            } else if (type.has("properties")) {
                fields.addAll(fields(type, field));
            }
        }
        return fields;
    }

    private JsonNode schemaAt(JsonNode schema, List<Object> field) {
        JsonNode at = schema;
        for (Object step : field) {
            at = step instanceof Integer ? resolve(at.path("items")) : resolve(at.path("properties").path((String) step));
        }
        return at;
    }

    // ---- values ----------------------------------------------------------------------------------------------

    /**
     * The hostile values for a parameter: every hostile value of its own kind, a few of the other, and the edges of
     * its declared range.
     */
    private static List<String> textValues(Param param) {
        boolean numeric = List.of("integer", "number").contains(param.schema().path("type").asString(""));
        List<String> values = new ArrayList<>(numeric
                ? concat(NUMBERS, List.of("", LONG, " ", "abc", "' OR 1=1 --", "\u0000", "\uD83D\uDE00", "%"))
                : concat(STRINGS, List.of("-1", "0", "1.5", "99999999999999999999999", "%")));
        values.addAll(edges(param.schema(), false));
        return values;
    }

    /** The same for a JSON field, as JSON text (some of it not valid JSON on purpose). */
    private static List<String> jsonValues(JsonNode schema) {
        List<String> strings = STRINGS.stream().map(ApiFuzzTest::quoted).toList();
        List<String> values = new ArrayList<>(switch (schema.path("type").asString("object")) {
            case "string" -> concat(strings, List.of("-1", "1.5", "99999999999999999999999"));
            case "integer", "number" -> concat(NUMBERS, List.of(quoted(""), quoted("-1"), quoted("1.5"),
                    quoted("99999999999999999999999"), quoted("NaN"), quoted("' OR 1=1 --"), quoted("\u0000"),
                    quoted("\uD83D\uDE00")));
            case "boolean" -> List.of(quoted(""), quoted("NaN"), quoted("yes"), quoted("\u0000"), "-1", "0", "1.5");
            default -> List.of(quoted(""), quoted("' OR 1=1 --"), "-1");
        });
        values.addAll(OTHERS);
        values.addAll(edges(schema, true));
        return values;
    }

    /** The declared limits and one step beyond them: a string of maxLength and one longer, minimum - 1, maximum + 1. */
    private static List<String> edges(JsonNode schema, boolean json) {
        List<String> values = new ArrayList<>();
        if (schema.has("maxLength")) {
            int max = schema.path("maxLength").asInt();
            for (String text : List.of("x".repeat(max), "x".repeat(max + 1))) {
                values.add(json ? quoted(text) : text);
            }
        }
        if (schema.has("minimum")) {
            long minimum = schema.path("minimum").asLong();
            values.addAll(List.of(Long.toString(minimum), Long.toString(minimum - 1)));
        }
        if (schema.has("maximum")) {
            long maximum = schema.path("maximum").asLong();
            values.addAll(List.of(Long.toString(maximum), Long.toString(maximum + 1)));
        }
        return values;
    }

    /** The text as a JSON string; a lone surrogate goes escaped, since UTF-8 cannot carry it raw. */
    private static String quoted(String text) {
        return JSON.writeValueAsString(text).replace("\uD800", "\\ud800");
    }

    private String plausibleText(String path, Param param) {
        Object known = known(path, param.name());
        if (known != null) {
            return String.valueOf(known);
        }
        JsonNode value = plausible(path, param.name(), param.schema());
        return value.isString() ? value.asString() : value.toString();
    }

    private JsonNode plausibleBody(String path, JsonNode reference) {
        JsonNode schema = resolve(reference);
        if (schemaName(reference).equals("TemplateRequest")) {
            // validDays or a window, something off a CASH coupon: rules across fields that a schema cannot say
            return JSON.valueToTree(template(false));
        }
        if (schemaName(reference).equals("GrantRequest")) {
            // one kind of target of the three, and only the fuzz's own customer: a grant runs for real
            return JSON.valueToTree(mapOf("templateId", mallTemplateId, "points", 1, "reason", "fuzz",
                    "target", mapOf("memberIds", List.of(customerId))));
        }
        if (schemaName(reference).equals("CampaignRequest")) {
            // switched off and long over: a campaign that ran would reward the new members of other tests
            return JSON.valueToTree(mapOf("name", "fuzz", "trigger", "JOINED", "points", 1, "budget", 1,
                    "startsOn", "2000-01-01", "endsOn", "2000-01-02", "enabled", false, "holdoutPercent", 0));
        }
        if (schemaName(reference).equals("CheckoutRequest")) {
            // no coupon: the fixture's one coupon would pay one checkout only; its code is fuzzed all the same
            return JSON.valueToTree(mapOf("memberCode", FRESH_MEMBER_CODE, "orderNo", FRESH_ORDER_NO,
                    "amountCents", 100, "pointsToUse", 0));
        }
        if (schemaName(reference).equals("TopUpOrderRequest")) {
            // a plan or an amount, never both
            return JSON.valueToTree(mapOf("planId", topUpPlanId));
        }
        if (schemaName(reference).equals("OperatorRequest")) {
            // a role and a store that go together: only a store manager has a store
            return JSON.valueToTree(mapOf("username", "fuzz-operator", "password", "a-password-of-no-one",
                    "role", "STORE_MANAGER", "storeId", storeId));
        }
        String rule = SHARED_RULES.get(schemaName(reference));
        if (rule == null) {
            return plausible(path, "", schema);
        }
        // the rule as it is, with one item in each list so that the items' fields are fuzzed too
        ObjectNode current = (ObjectNode) sharedRules.get(rule).deepCopy();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode list = current.path(property.getKey());
            if (list.isArray() && list.isEmpty()) {
                ((ArrayNode) list).add(plausible(path, "", resolve(resolve(property.getValue()).path("items"))));
            }
        }
        return current;
    }

    private static String schemaName(JsonNode reference) {
        String ref = reference.path("$ref").asString("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A value a real client could send for this name and schema, the fixtures' ids and codes where they fit. */
    private JsonNode plausible(String path, String name, JsonNode schema) {
        Object known = known(path, name);
        if (known != null) {
            return JSON.valueToTree(known);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("default")) {
            return schema.path("default");
        }
        switch (schema.path("type").asString("object")) {
            case "integer", "number" -> {
                long value = Math.max(1, schema.path("minimum").asLong(1));
                return JSON.valueToTree(schema.has("maximum") ? Math.min(value, schema.path("maximum").asLong()) : value);
            }
            case "boolean" -> {
                return JSON.valueToTree(false);
            }
            case "array" -> {
                ArrayNode items = JSON.createArrayNode();
                items.add(plausible(path, "", resolve(schema.path("items"))));
                return items;
            }
            case "string" -> {
                return JSON.valueToTree(switch (schema.path("format").asString("")) {
                    case "date" -> "2024-01-01";
                    case "date-time" -> "2024-01-01T00:00:00Z";
                    default -> "fuzz";
                });
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), plausible(path, property.getKey(), resolve(property.getValue())));
                }
                return object;
            }
        }
    }

    /**
     * Other plausible bodies, for fields that matter only in another form of the request: a coupon valid in a window
     * or taking a percentage, a top-up without a plan, a WeChat Pay top-up of an amount.
     */
    private Map<String, String> alternatives(JsonNode reference, JsonNode baseline) {
        Map<String, Map<String, Object>> changes = switch (schemaName(reference)) {
            case "TemplateRequest" -> Map.of(
                    "valid in a window", mapOf("validDays", null, "validFrom", "2024-01-01", "validTo", "2099-12-31"),
                    "a percentage off", mapOf("type", "DISCOUNT", "discountCents", null, "discountPercent", 90,
                            "maxDiscountCents", 500));
            case "TopUpRequest" -> Map.of("without a plan", mapOf("planId", null));
            case "TopUpOrderRequest" -> Map.of("an amount instead of a plan", mapOf("planId", null, "amountCents", 100));
            case "GrantRequest" -> Map.of("points alone, to a level", mapOf("templateId", null,
                    "target", mapOf("levelCode", levelCode)));
            default -> Map.of();
        };
        Map<String, String> bodies = new TreeMap<>();
        changes.forEach((what, change) -> {
            ObjectNode body = (ObjectNode) baseline.deepCopy();
            change.forEach((field, value) -> {
                if (value == null) {
                    body.remove(field);
                } else {
                    body.set(field, JSON.valueToTree(value));
                }
            });
            bodies.put(what, JSON.writeValueAsString(body));
        });
        return bodies;
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** What a real client sends under this name on this path: the fixtures' ids, codes and orders; null if nothing. */
    private Object known(String path, String name) {
        return switch (name) {
            case "memberId" -> path.startsWith("/api/admin/staff") ? spareMemberId : customerId;
            case "storeId" -> storeId;
            case "storeIds" -> List.of(storeId);
            case "planId" -> topUpPlanId;
            case "templateId" -> path.startsWith("/api/app/mall/") || path.startsWith("/api/admin/coupon-grants")
                    ? mallTemplateId : "tpl-fuzz";
            case "id" -> idIn(path);
            case "code" -> codeIn(path);
            case "orderNo" -> path.startsWith("/api/staff/purchases/") ? purchasedOrderNo
                    : path.startsWith("/api/staff/wallet/payments/") ? paidOrderNo
                    : path.equals("/api/staff/checkouts/{orderNo}/refund") ? checkedOutOrderNo
                    : path.startsWith("/api/open/v1/purchases/") ? openPurchasedOrderNo
                    : path.startsWith("/api/open/v1/wallet/payments/") ? openPaidOrderNo : FRESH_ORDER_NO;
            // the spare key: the key the fuzz signs with stays good
            case "keyId" -> spareKeyId;
            case "memberCode" -> FRESH_MEMBER_CODE;
            case "Idempotency-Key" -> FRESH_KEY;
            // a job runs over every test's rows: only hostile names reach the jobs endpoint
            case "name" -> path.startsWith("/api/admin/jobs/") ? "no-such-job" : "Fuzz";
            case "amountCents", "payCents" -> 100;
            case "bonusCents" -> 0;
            case "delta" -> 1;
            // the customer's wallet holds stored value, so the account deletions the fuzz sends are refused (409
            // WALLET_NOT_EMPTY) and the customer stays for the operations after them
            case "confirm" -> true;
            case "reason" -> "fuzz";
            case "minGrowth" -> FAR_GROWTH;
            case "pointsMultiplierPercent" -> 100;
            case "period", "month" -> "2000-01";
            case "from", "to" -> "2024-01-01";
            case "page" -> 1;
            case "size" -> 20;
            case "date" -> LocalDate.now(clock).minusDays(1).toString();
            case "birthday" -> "1990-01-01";
            case "avatarUrl" -> "https://example.com/avatar.png";
            // an operator who does not exist: failed logins lock a username, and the suite logs in as admin
            case "username" -> "fuzz-operator";
            case "password" -> "a-password-of-no-one";
            case "oldPassword" -> FRESH_OPERATOR_PASSWORD;
            case "newPassword" -> "a-new-password-of-no-one";
            case "address" -> "1 Fuzz Road";
            // a public address (TEST-NET-3) that needs no DNS: allowed with private addresses refused, never sent to
            case "url" -> path.startsWith("/api/admin/webhooks") ? "https://203.0.113.10/fuzz-hooks" : null;
            case "secret" -> path.startsWith("/api/admin/webhooks") ? "a-fuzz-secret-of-no-receiver" : null;
            default -> null;
        };
    }

    /** An id the fuzz made, or one that does not exist: a plausible request never touches another test's rows. */
    private Object idIn(String path) {
        if (path.startsWith("/api/admin/coupon-templates/")) {
            return editableTemplateId;
        }
        if (path.startsWith("/api/admin/wallet-plans/")) {
            return editablePlanId;
        }
        if (path.startsWith("/api/admin/members/")) {
            return customerId;
        }
        if (path.startsWith("/api/app/coupons/")) {
            return couponId;
        }
        if (path.startsWith("/api/admin/coupons/")) {
            return revocableCouponId;
        }
        if (path.startsWith("/api/admin/stores/")) {
            return storeId;
        }
        return 999_999_999_999L;
    }

    private Object codeIn(String path) {
        return switch (path) {
            case "/api/app/auth/login" -> FRESH_LOGIN_CODE;
            case "/api/admin/levels" -> FRESH_LEVEL_CODE;
            case "/api/admin/levels/{code}" -> levelCode;
            case "/api/staff/coupons/verify", "/api/open/v1/coupons/verify", "/api/admin/coupons/lookup" -> couponCode;
            default -> "fuzz";
        };
    }

    private Map<String, Object> template(boolean enabled) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "Fuzz coupon");
        template.put("type", "CASH");
        template.put("thresholdCents", 0);
        template.put("discountCents", 100);
        template.put("pointsPrice", 0);
        template.put("totalStock", 100_000);
        template.put("perMemberLimit", 10_000);
        template.put("validDays", 30);
        template.put("storeIds", List.of(storeId));
        template.put("enabled", enabled);
        return template;
    }

    /** The body with one field replaced by raw JSON text (which need not be valid JSON). */
    private static String replaced(JsonNode body, List<Object> field, String rawJson) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = parentOf(copy, field);
        Object last = field.get(field.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.put((String) last, MARKER);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, JSON.valueToTree(MARKER));
        } else {
            return body.toString();
        }
        return JSON.writeValueAsString(copy).replace("\"" + MARKER + "\"", rawJson);
    }

    private static String removed(JsonNode body, List<Object> field) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = parentOf(copy, field);
        Object last = field.get(field.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array && array.size() > (Integer) last) {
            array.remove((int) (Integer) last);
        }
        return JSON.writeValueAsString(copy);
    }

    /** The object or array holding the field, made on the way when the plausible body left it out. */
    private static JsonNode parentOf(JsonNode body, List<Object> field) {
        JsonNode at = body;
        for (int i = 0; i < field.size() - 1; i++) {
            Object step = field.get(i);
            boolean nextIsIndex = field.get(i + 1) instanceof Integer;
            if (at instanceof ObjectNode object) {
                JsonNode next = object.get((String) step);
                if (next == null || next.isNull()) {
                    next = nextIsIndex ? object.putArray((String) step) : object.putObject((String) step);
                }
                at = next;
            } else if (at instanceof ArrayNode array) {
                int index = (Integer) step;
                while (array.size() <= index) {
                    array.add(nextIsIndex ? JSON.createArrayNode() : JSON.createObjectNode());
                }
                at = array.get(index);
            }
        }
        if (at instanceof ArrayNode array && field.get(field.size() - 1) instanceof Integer index) {
            while (array.size() <= index) {
                array.addNull();
            }
        }
        return at;
    }

    /** The text with the stand-ins for fresh values replaced by new ones. */
    private String fresh(String text) {
        if (!text.contains("@@")) {
            return text;
        }
        String now = Long.toString(System.nanoTime(), 36).toUpperCase();
        if (text.contains(FRESH_MEMBER_CODE)) {
            text = text.replace(FRESH_MEMBER_CODE, memberCode(customer));
        }
        return text.replace(FRESH_ORDER_NO, "FZ-" + serial.incrementAndGet() + "-" + now)
                .replace(FRESH_KEY, "fuzz-" + serial.incrementAndGet() + "-" + now)
                .replace(FRESH_LOGIN_CODE, "fuzz-" + serial.incrementAndGet() + "-" + now)
                .replace(FRESH_LEVEL_CODE, "FZ-" + serial.incrementAndGet() + "-" + now);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String variant(String alternative) {
        return alternative.isEmpty() ? "" : "  (" + alternative + ")";
    }

    private static String name(List<Object> field) {
        StringBuilder name = new StringBuilder();
        for (Object step : field) {
            name.append(step instanceof Integer ? "[" + step + "]" : (name.length() == 0 ? "" : ".") + step);
        }
        return name.toString();
    }

    /** A value as a failure line shows it: control characters escaped, long ones cut. */
    private static String show(String value) {
        String escaped = printable(value);
        return escaped.length() > 60 ? escaped.substring(0, 20) + "…(" + escaped.length() + " chars)" : "'" + escaped + "'";
    }

    /** Control characters and lone surrogates as \\u escapes, so that a failure list prints whole. */
    private static String printable(String text) {
        StringBuilder printable = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                printable.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                printable.append(String.format("\\u%04x", (int) c));
            } else {
                printable.append(c);
            }
        }
        return printable.toString();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : printable(body.replaceAll("\\s+", " "));
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /**
     * Percent-encodes every byte of the UTF-8 form but the unreserved characters, as a browser would; a lone surrogate,
     * which UTF-8 cannot carry, goes as the three bytes a careless encoder makes of it.
     */
    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes(value)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static byte[] bytes(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes.writeBytes(new byte[] {(byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F)});
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /** A header value as its UTF-8 bytes go over the wire (java.net.http takes one char per byte). */
    private static String onTheWire(String value) {
        return new String(bytes(value), StandardCharsets.ISO_8859_1);
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
