package dev.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Grants through the HTTP API, as operators start and watch them; the job runs them in the background. */
class CouponGrantTest extends IntegrationTest {

    Api admin;

    @BeforeEach
    void operator() {
        admin = api.as(loginAdmin());
    }

    @Test
    void grantsACouponToThreeListedMembersAndItsReplayIssuesNone() {
        long templateId = createTemplate(10, 1);
        List<Long> members = newMembers(3);
        Map<String, Object> body = grant(Map.of("templateId", templateId), Map.of("memberIds", members));

        Api.Response started = admin.with("Idempotency-Key", unique("grant")).post("/api/admin/coupon-grants", body);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long grantId = started.json().path("id").asLong();
        JsonNode done = awaitFinished(grantId);
        Api.Response replay = admin.with("Idempotency-Key", keyOf(started))
                .post("/api/admin/coupon-grants", body);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("targeted").asLong()).isEqualTo(3);
        assertThat(done.path("issued").asLong()).isEqualTo(3);
        assertThat(done.path("skipped").asLong()).isZero();
        assertThat(done.path("failed").asLong()).isZero();
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(grantId);
        awaitFinished(grantId);
        for (long member : members) {
            assertThat(couponsOf(member, templateId)).isEqualTo(1);
            assertThat(pointsOf(member)).as("a free grant costs no points").isZero();
        }
        assertThat(stockLeft(templateId)).isEqualTo(7);
        JsonNode notices = admin.get("/api/admin/notifications?memberId=" + members.get(0)).json().path("items");
        assertThat(notices.valueStream().map(n -> n.path("kind").asString())).contains("COUPON_CHANGED");
        JsonNode audit = admin.get("/api/admin/audit-log?action=COUPON_GRANT_STARTED&size=100").json().path("items");
        assertThat(audit.valueStream().anyMatch(e -> e.path("target").asString().equals("coupon-grant:" + grantId))).isTrue();
    }

    @Test
    void aSegmentGrantedTwiceWithOneKeyGetsOneCouponEach() {
        long templateId = createTemplate(100_000, 1);
        List<Long> members = newMembers(3);
        jdbc.update("UPDATE member SET segment = 'AT_RISK' WHERE id IN (?, ?, ?)", members.get(0), members.get(1), members.get(2));
        long atRisk = jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE segment = 'AT_RISK'", Long.class);
        Map<String, Object> body = grant(Map.of("templateId", templateId), Map.of("segment", "AT_RISK"));
        Api key = admin.with("Idempotency-Key", unique("segment"));

        Api.Response first = key.post("/api/admin/coupon-grants", body);
        Api.Response second = key.post("/api/admin/coupon-grants", body);
        JsonNode done = awaitFinished(first.json().path("id").asLong());

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(first.json().path("target").path("segment").asString()).isEqualTo("AT_RISK");
        assertThat(done.path("issued").asLong()).isEqualTo(atRisk);
        assertThat(done.path("targeted").asLong()).isEqualTo(atRisk);
        assertThat(100_000 - stockLeft(templateId)).isEqualTo(atRisk);
        for (long member : members) {
            assertThat(couponsOf(member, templateId)).isEqualTo(1);
        }
    }

    @Test
    void aGrantLargerThanTheStockStopsAtTheStockAndSkipsTheRest() {
        long templateId = createTemplate(2, 1);
        List<Long> members = newMembers(4);

        long grantId = start(grant(Map.of("templateId", templateId), Map.of("memberIds", members)));
        JsonNode done = awaitFinished(grantId);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("targeted").asLong()).isEqualTo(4);
        assertThat(done.path("issued").asLong()).isEqualTo(2);
        assertThat(done.path("skipped").asLong()).isEqualTo(2);
        assertThat(stockLeft(templateId)).isZero();
        assertThat(members.stream().mapToLong(m -> couponsOf(m, templateId)).sum()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT detail FROM campaign_grant_member WHERE grant_id = ? AND outcome = 'SKIPPED'",
                String.class, grantId)).containsOnly("OUT_OF_STOCK");
    }

    @Test
    void theMembersLimitHoldsAgainstAGrant() {
        long templateId = createTemplate(10, 1, 0);
        String code = unique("holder");
        long holder = memberId(code);
        Api member = api.as(loginMember(code));
        assertThat(member.with("Idempotency-Key", "own").post("/api/app/mall/items/" + templateId + "/redeem", null).status())
                .isEqualTo(201);
        long other = newMembers(1).get(0);

        JsonNode done = awaitFinished(start(grant(Map.of("templateId", templateId), Map.of("memberIds", List.of(holder, other)))));

        assertThat(done.path("issued").asLong()).isEqualTo(1);
        assertThat(done.path("skipped").asLong()).isEqualTo(1);
        assertThat(couponsOf(holder, templateId)).isEqualTo(1);
        assertThat(couponsOf(other, templateId)).isEqualTo(1);
    }

    @Test
    void aGrantThatCrashedMidWayResumesWithoutDoubles() {
        long templateId = createTemplate(100, 1);
        List<Long> members = newMembers(6);
        long grantId = start(grant(Map.of("templateId", templateId, "points", 20), Map.of("memberIds", members.subList(0, 3))));
        awaitFinished(grantId);
        // the state a crash leaves: three members reached and committed, three listed and not yet reached,
        // and neither the cursor nor the counts written after the first ones
        for (long member : members.subList(3, 6)) {
            jdbc.update("INSERT INTO campaign_grant_target (grant_id, member_id) VALUES (?, ?)", grantId, member);
        }
        jdbc.update("""
                UPDATE campaign_grant SET status = 'RUNNING', cursor_member_id = 0, issued = 0, skipped = 0, failed = 0,
                       targeted = 6, finished_at = NULL WHERE id = ?""", grantId);

        Api.Response run = admin.post("/api/admin/jobs/coupon-grants/run", null);
        admin.post("/api/admin/jobs/coupon-grants/run", null);
        JsonNode done = admin.get("/api/admin/coupon-grants/" + grantId).json();

        assertThat(run.status()).isEqualTo(200);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("issued").asLong()).isEqualTo(6);
        assertThat(done.path("targeted").asLong()).isEqualTo(6);
        for (long member : members) {
            assertThat(couponsOf(member, templateId)).isEqualTo(1);
            assertThat(pointsOf(member)).isEqualTo(20);
        }
        assertThat(stockLeft(templateId)).isEqualTo(94);
    }

    @Test
    void aDatabaseErrorMidGrantBreaksTheRunOffAndTheNextRunResumesWithoutDoubles() {
        long templateId = createTemplate(100, 1);
        List<Long> members = newMembers(3);
        long broken = members.get(1);
        // the second member's outcome row cannot be written: the run breaks off after the first committed
        jdbc.execute("ALTER TABLE campaign_grant_member ADD CONSTRAINT ck_grant_test_crash CHECK (member_id <> " + broken + ")");
        long grantId;
        JsonNode brokeOff;
        try {
            grantId = start(grant(Map.of("templateId", templateId, "points", 5), Map.of("memberIds", members)));
            brokeOff = awaitBrokenOff(grantId);
        } finally {
            jdbc.execute("ALTER TABLE campaign_grant_member DROP CONSTRAINT ck_grant_test_crash");
        }

        Api.Response rerun = admin.post("/api/admin/jobs/coupon-grants/run", null);
        JsonNode done = admin.get("/api/admin/coupon-grants/" + grantId).json();

        assertThat(brokeOff.path("status").asString()).isEqualTo("RUNNING");
        assertThat(brokeOff.path("lastError").asString()).isNotBlank();
        assertThat(couponsOf(members.get(0), templateId)).isEqualTo(1);
        assertThat(rerun.json().path("processed").asLong()).isEqualTo(2);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("issued").asLong()).isEqualTo(3);
        for (long member : members) {
            assertThat(couponsOf(member, templateId)).isEqualTo(1);
            assertThat(pointsOf(member)).isEqualTo(5);
        }
        assertThat(stockLeft(templateId)).isEqualTo(97);
    }

    @Test
    void aGrantThatBreaksOffThreeRunsInARowIsFailed() {
        long member = newMembers(1).get(0);
        jdbc.execute("ALTER TABLE campaign_grant_member ADD CONSTRAINT ck_grant_test_fail CHECK (member_id <> " + member + ")");
        JsonNode failed;
        try {
            long grantId = start(grant(Map.of("points", 7), Map.of("memberIds", List.of(member))));
            awaitBrokenOff(grantId);
            admin.post("/api/admin/jobs/coupon-grants/run", null);
            admin.post("/api/admin/jobs/coupon-grants/run", null);
            failed = admin.get("/api/admin/coupon-grants/" + grantId).json();
        } finally {
            jdbc.execute("ALTER TABLE campaign_grant_member DROP CONSTRAINT ck_grant_test_fail");
        }

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("lastError").asString()).isNotBlank();
        assertThat(failed.path("finishedAt").isNull()).isFalse();
        assertThat(pointsOf(member)).isZero();
        assertThat(admin.post("/api/admin/jobs/coupon-grants/run", null).json().path("processed").asLong()).isZero();
    }

    @Test
    void aMemberWhoseIssueBreaksIsCountedFailedAndTheRestAreGranted() {
        long templateId = createTemplate(100, 2);
        long otherTemplate = createTemplate(100, 2);
        List<Long> members = newMembers(3);
        holdTheJobLease();
        long grantId;
        try {
            grantId = start(grant(Map.of("templateId", templateId), Map.of("memberIds", members)));
            // the second member already holds a coupon under this grant's issue key, of another template
            jdbc.update("""
                    INSERT INTO coupon (template_id, member_id, code, status, redeem_key, points_paid, valid_from, valid_to,
                                        created_at)
                    VALUES (?, ?, ?, 'UNUSED', ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                    otherTemplate, members.get(1), unique("X").toUpperCase(), "grant:" + grantId);
        } finally {
            jdbc.update("UPDATE job_lease SET holder = NULL WHERE name = 'coupon-grants'");
        }

        JsonNode done = awaitFinished(grantId);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("issued").asLong()).isEqualTo(2);
        assertThat(done.path("failed").asLong()).isEqualTo(1);
        assertThat(couponsOf(members.get(0), templateId)).isEqualTo(1);
        assertThat(couponsOf(members.get(1), templateId)).isZero();
        assertThat(couponsOf(members.get(2), templateId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT detail FROM campaign_grant_member WHERE grant_id = ? AND member_id = ?",
                String.class, grantId, members.get(1))).startsWith("IDEMPOTENCY_CONFLICT");
    }

    @Test
    void pointsAloneGoToALevelAsAGrantInTheLedger() {
        String level = ("G" + unique("").replace("-", "")).substring(0, 12).toUpperCase();
        assertThat(admin.post("/api/admin/levels", Map.of("code", level, "name", "Gold", "minGrowth", 900_000_000,
                "pointsMultiplierPercent", 100)).status()).isLessThan(300);
        List<Long> members = newMembers(2);
        jdbc.update("UPDATE member SET level_code = ? WHERE id IN (?, ?)", level, members.get(0), members.get(1));

        long grantId = start(grant(Map.of("points", 30), Map.of("levelCode", level)));
        JsonNode done = awaitFinished(grantId);

        assertThat(done.path("issued").asLong()).isEqualTo(2);
        assertThat(done.path("templateId").isNull()).isTrue();
        for (long member : members) {
            assertThat(pointsOf(member)).isEqualTo(30);
            JsonNode line = admin.get("/api/admin/members/" + member + "/points-ledger").json().path("items").get(0);
            assertThat(line.path("source").asString()).isEqualTo("GRANT");
            assertThat(line.path("delta").asLong()).isEqualTo(30);
        }
        JsonNode listed = admin.get("/api/admin/coupon-grants?status=DONE&size=100").json();
        assertThat(listed.path("items").valueStream().anyMatch(g -> g.path("id").asLong() == grantId)).isTrue();
    }

    @Test
    void refusesWhatCannotBeAGrant() {
        long templateId = createTemplate(10, 1);
        long member = newMembers(1).get(0);
        Map<String, Object> listed = Map.of("memberIds", List.of(member));
        List<Long> tooMany = LongStream.rangeClosed(1, 10_001).boxed().toList();

        assertThat(post(grant(Map.of("templateId", 999_999_999L), listed)).code()).isEqualTo("NOT_FOUND");
        assertThat(post(grant(Map.of(), listed)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("points", 0), listed)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("points", -5), listed)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("memberIds", List.of()))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("memberIds", tooMany))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of())).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("memberIds", List.of(member), "segment", "NEW"))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("memberIds", List.of(999_999_999L)))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("levelCode", "NO_SUCH_LEVEL"))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(post(grant(Map.of("templateId", templateId), Map.of("segment", "SOMEWHERE"))).status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/coupon-grants", grant(Map.of("templateId", templateId), listed)).code())
                .as("no Idempotency-Key").isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/admin/coupon-grants/999999999").code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/admin/coupon-grants").status()).isEqualTo(401);
        assertThat(api.as(loginMember(unique("member"))).get("/api/admin/coupon-grants").status()).isEqualTo(403);
        assertThat(couponsOf(member, templateId)).isZero();
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflict() {
        long templateId = createTemplate(10, 1);
        List<Long> members = newMembers(2);
        Api key = admin.with("Idempotency-Key", unique("conflict"));
        Api.Response first = key.post("/api/admin/coupon-grants", grant(Map.of("templateId", templateId),
                Map.of("memberIds", members.subList(0, 1))));

        Api.Response other = key.post("/api/admin/coupon-grants", grant(Map.of("templateId", templateId),
                Map.of("memberIds", members)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        awaitFinished(first.json().path("id").asLong());
        assertThat(couponsOf(members.get(1), templateId)).isZero();
    }

    private String keyOf(Api.Response started) {
        return jdbc.queryForObject("SELECT idempotency_key FROM campaign_grant WHERE id = ?", String.class,
                started.json().path("id").asLong());
    }

    private Api.Response post(Map<String, Object> body) {
        return admin.with("Idempotency-Key", unique("bad")).post("/api/admin/coupon-grants", body);
    }

    private long start(Map<String, Object> body) {
        Api.Response started = admin.with("Idempotency-Key", unique("grant")).post("/api/admin/coupon-grants", body);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().path("id").asLong();
    }

    private static Map<String, Object> grant(Map<String, Object> what, Map<String, Object> target) {
        Map<String, Object> body = new HashMap<>(what);
        body.put("reason", "spring campaign");
        body.put("target", target);
        return body;
    }

    private JsonNode awaitFinished(long grantId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonNode grant = admin.get("/api/admin/coupon-grants/" + grantId).json();
            if (!grant.path("status").asString().equals("RUNNING") || System.nanoTime() > deadline) {
                return grant;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return grant;
            }
        }
    }

    private JsonNode awaitBrokenOff(long grantId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonNode grant = admin.get("/api/admin/coupon-grants/" + grantId).json();
            if (!grant.path("lastError").isNull() || System.nanoTime() > deadline) {
                return grant;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return grant;
            }
        }
    }

    /** Another instance's run holds the job: a new grant waits for it. */
    private void holdTheJobLease() {
        java.sql.Timestamp later = java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600));
        if (jdbc.update("UPDATE job_lease SET holder = 'elsewhere', lease_until = ? WHERE name = 'coupon-grants'", later) == 0) {
            jdbc.update("INSERT INTO job_lease (name, holder, lease_until) VALUES ('coupon-grants', 'elsewhere', ?)", later);
        }
    }

    private List<Long> newMembers(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(memberId(unique("granted")));
        }
        return ids;
    }

    private long couponsOf(long memberId, long templateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Long.class,
                memberId, templateId);
    }

    private long pointsOf(long memberId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ?", Long.class, memberId);
    }

    private long stockLeft(long templateId) {
        return admin.get("/api/admin/coupon-templates/" + templateId).json().path("stockLeft").asLong();
    }

    private long createTemplate(long stock, int perMemberLimit) {
        return createTemplate(stock, perMemberLimit, 50);
    }

    private long createTemplate(long stock, int perMemberLimit, long pointsPrice) {
        Api.Response created = admin.post("/api/admin/coupon-templates", Map.of("name", "Grant gift", "type", "CASH",
                "thresholdCents", 5000, "discountCents", 1000, "pointsPrice", pointsPrice, "totalStock", stock,
                "perMemberLimit", perMemberLimit, "validDays", 30, "enabled", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
