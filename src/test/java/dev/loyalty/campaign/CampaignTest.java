package dev.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loyalty.campaign.internal.CampaignRewarder;
import dev.loyalty.member.Segment;
import dev.loyalty.member.SegmentEntered;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.RecordedSegmentEvents;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.JsonNode;

/** Campaigns through the HTTP API: operators write them, members' logins, birthdays and segments trigger them. */
class CampaignTest extends IntegrationTest {

    @Autowired
    RecordedSegmentEvents segmentEvents;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listenerThreads;

    Api admin;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void operator() {
        admin = api.as(loginAdmin());
    }

    /** A campaign left running would reward the members of tests that come later. */
    @AfterEach
    void switchOff() {
        for (long id : created) {
            jdbc.update("UPDATE campaign SET enabled = FALSE WHERE id = ?", id);
        }
    }

    @Test
    void aJoinedCampaignWithBudgetTwoRewardsTheFirstTwoNewMembersAndNotTheThird() {
        long templateId = createTemplate(10);
        long campaignId = create(campaign("JOINED", Map.of("templateId", templateId, "points", 15, "budget", 2)));

        long first = memberId(unique("joiner"));
        long second = memberId(unique("joiner"));
        long third = memberId(unique("joiner"));
        memberId(unique("joiner"));

        assertThat(pointsOf(first)).isEqualTo(15);
        assertThat(pointsOf(second)).isEqualTo(15);
        assertThat(pointsOf(third)).isZero();
        assertThat(couponsOf(first, templateId)).isEqualTo(1);
        assertThat(couponsOf(third, templateId)).isZero();
        JsonNode campaign = admin.get("/api/admin/campaigns/" + campaignId).json();
        assertThat(campaign.path("rewarded").asLong()).isEqualTo(2);
        JsonNode report = admin.get("/api/admin/campaigns/" + campaignId + "/report").json();
        assertThat(report.path("rewarded").asLong()).isEqualTo(2);
        assertThat(report.path("heldOut").asLong()).isZero();
        JsonNode line = admin.get("/api/admin/members/" + first + "/points-ledger").json().path("items").get(0);
        assertThat(line.path("source").asString()).isEqualTo("GRANT");
        JsonNode audit = admin.get("/api/admin/audit-log?action=CAMPAIGN_REWARDED&size=100").json().path("items");
        assertThat(audit.valueStream().filter(e -> e.path("target").asString().equals("campaign:" + campaignId))).hasSize(2);
        JsonNode notices = admin.get("/api/admin/notifications?memberId=" + first).json().path("items");
        assertThat(notices.valueStream().map(n -> n.path("kind").asString())).contains("COUPON_CHANGED");
    }

    @Test
    @Timeout(30)
    void aJoinedCampaignWithBudgetTwoRewardsExactlyTwoOfTenConcurrentFirstLogins() throws Exception {
        long campaignId = create(campaign("JOINED", Map.of("points", 7, "budget", 2)));
        List<Long> logins = AllAtOnce.run(10, i -> {
            String code = unique("rush");
            return () -> memberId(code);
        });
        long rewarded = 0;
        for (long member : logins) {
            assertThat(member).isPositive();
            rewarded += pointsOf(member) == 7 ? 1 : 0;
        }
        assertThat(rewarded).isEqualTo(2);
        assertThat(admin.get("/api/admin/campaigns/" + campaignId).json().path("rewarded").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = ?", Long.class, campaignId))
                .isEqualTo(2);
    }

    @Test
    void aBirthdayCampaignRewardsOncePerYearAcrossTheYearBoundary() {
        String code = unique("leapling");
        Api member = api.as(loginMember(code));
        long memberId = member.get("/api/app/me").json().path("id").asLong();
        assertThat(member.patch("/api/app/me", Map.of("birthday", "2000-02-29")).status()).isEqualTo(200);
        long campaignId = create(campaign("BIRTHDAY", Map.of("points", 50, "budget", 1000,
                "startsOn", "2026-01-01", "endsOn", "2029-12-31")));
        LongSupplier rewards = () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = ? AND member_id = ?", Long.class, campaignId, memberId);

        clock.pinAt(LocalDate.of(2027, 2, 27));
        runCampaignsJob();
        assertThat(rewards.getAsLong()).as("the day before").isZero();
        clock.pinAt(LocalDate.of(2027, 2, 28));
        runCampaignsJob();
        runCampaignsJob();
        assertThat(rewards.getAsLong()).as("29 February on the 28th of a common year, once").isEqualTo(1);
        clock.pinAt(LocalDate.of(2027, 12, 31));
        runCampaignsJob();
        clock.pinAt(LocalDate.of(2028, 2, 28));
        runCampaignsJob();
        assertThat(rewards.getAsLong()).as("a leap year has the 29th").isEqualTo(1);
        clock.pinAt(LocalDate.of(2028, 2, 29));
        runCampaignsJob();
        runCampaignsJob();

        assertThat(rewards.getAsLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(delta) FROM points_entry WHERE member_id = ? AND type = 'EARN'"
                + " AND source = 'GRANT'", Long.class, memberId)).as("the first year's points may have expired since").isEqualTo(100);
        assertThat(jdbc.queryForList("SELECT reward_period FROM campaign_reward WHERE campaign_id = ? AND member_id = ?"
                + " ORDER BY reward_period", Integer.class, campaignId, memberId)).containsExactly(2027, 2028);
    }

    @Test
    void aBirthdayOutsideTheCampaignsDatesOrOfADisabledCampaignGetsNothing() {
        Api member = api.as(loginMember(unique("late")));
        long memberId = member.get("/api/app/me").json().path("id").asLong();
        member.patch("/api/app/me", Map.of("birthday", "1991-03-17"));
        long ended = create(campaign("BIRTHDAY", Map.of("points", 5, "startsOn", "2026-01-01", "endsOn", "2027-03-16")));
        long off = create(campaign("BIRTHDAY", Map.of("points", 5, "enabled", false,
                "startsOn", "2026-01-01", "endsOn", "2029-12-31")));

        clock.pinAt(LocalDate.of(2027, 3, 17));
        runCampaignsJob();

        assertThat(pointsOf(memberId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id IN (?, ?)", Long.class,
                ended, off)).isZero();
    }

    @Test
    void aSegmentCampaignFiresOnEnteringAndNotEveryNightTheMemberStays() {
        long memberId = memberId(unique("newcomer"));
        runJob("member-segments");
        assertThat(segmentOf(memberId)).isEqualTo("NEW");
        long campaignId = create(campaign("SEGMENT_ENTERED", Map.of("points", 9, "segment", "NEW", "budget", 100_000)));

        runJob("member-segments");
        assertThat(rewardsOf(campaignId, memberId)).as("already in it when the campaign began").isZero();
        jdbc.update("UPDATE member SET segment = 'REGULAR' WHERE id = ?", memberId);
        runJob("member-segments");
        awaitReward(campaignId, memberId);
        runJob("member-segments");
        runJob("member-segments");

        assertThat(rewardsOf(campaignId, memberId)).isEqualTo(1);
        assertThat(pointsOf(memberId)).isEqualTo(9);
    }

    /**
     * The night after campaigns began, everyone is where they were: the job moves nobody and the campaigns
     * reward nobody. They begin a moment after the first run's last entry, in the same second, while its
     * entries wait for the listener threads (held busy here, as on a busy night): those entries came before
     * the campaigns and must not count for them, however close.
     */
    @Test
    void theSegmentJobRunAgainOverUnchangedMembersMovesNobodyAndRewardsNobody() {
        LocalDate today = LocalDate.now(clock);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(joinOn(today.minusDays(200), null));
            members.add(joinOn(today.minusDays(100), today.minusDays(45)));
            members.add(joinOn(today.minusDays(100), today.minusDays(1)));
            members.add(joinOn(null, null));
            members.add(joinOn(null, null));
        }
        List<Long> campaigns = new ArrayList<>();
        CountDownLatch busyNight = new CountDownLatch(1);
        for (int i = 0; i < listenerThreads.getCorePoolSize(); i++) {
            listenerThreads.execute(() -> awaitQuietly(busyNight));
        }
        try {
            clock.pinAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
            int beforeFirstRun = segmentEvents.mark();
            runJob("member-segments");
            List<SegmentEntered> entered = segmentEvents.since(beforeFirstRun);
            SegmentEntered last = entered.get(entered.size() - 1);
            List<Segment> segments = new ArrayList<>(List.of(Segment.values()));
            segments.remove(last.segment());
            segments.add(0, last.segment());
            clock.pinAt(last.at().plusNanos(1_000));
            for (Segment segment : segments) {
                campaigns.add(create(campaign("SEGMENT_ENTERED",
                        Map.of("points", 3, "segment", segment.name(), "budget", 100_000))));
            }
        } finally {
            busyNight.countDown();
        }
        assertThat(jdbc.queryForList("SELECT segment FROM member WHERE id IN (" + idList(members) + ")", String.class))
                .contains("NEW", "DORMANT", "AT_RISK", "REGULAR");

        int mark = segmentEvents.mark();
        runJob("member-segments");

        assertThat(segmentEvents.since(mark)).as("entries published by the second run").isEmpty();
        awaitSegmentRewardsSettled(members);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id IN (" + idList(campaigns)
                + ")", Long.class)).as("rewards of campaigns begun after everyone entered their segment").isZero();
    }

    @Test
    void aLevelCampaignRewardsTheMemberWhoReachesItsLevel() {
        String level = ("L" + unique("").replace("-", "")).substring(0, 12).toUpperCase();
        Api.Response createdLevel = admin.post("/api/admin/levels", Map.of("code", level, "name", "Campaign gold",
                "minGrowth", 800_000_000, "pointsMultiplierPercent", 100));
        assertThat(createdLevel.status()).as(createdLevel.text()).isLessThan(300);
        long campaignId = create(campaign("LEVEL_REACHED", Map.of("points", 11, "levelCode", level)));
        String code = unique("climber");
        Api member = api.as(loginMember(code));
        long memberId = member.get("/api/app/me").json().path("id").asLong();
        jdbc.update("UPDATE member SET growth = ? WHERE id = ?", 800_000_000L - 1, memberId);

        assertThat(member.post("/api/app/sign-ins", null).status()).isLessThan(300);
        awaitReward(campaignId, memberId);

        assertThat(rewardsOf(campaignId, memberId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(delta) FROM points_entry WHERE member_id = ? AND source = 'GRANT'",
                Long.class, memberId)).isEqualTo(11);
        // the level change was kept in the event publication registry until the reward ran: a crash in between
        // would have had it republished on restart
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE '%CampaignTriggers%' "
                        + "AND SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS NOT NULL", Long.class,
                "%\"memberId\":" + memberId + "%")).isEqualTo(1));
    }

    @Test
    void theHoldoutTakesItsShareOfAThousandMembersTheSameWayEveryRun() {
        LocalDate birthday = LocalDate.of(1983, 7, 13);
        List<Long> members = insertMembers(1000, birthday);
        long campaignId = create(campaign("BIRTHDAY", Map.of("points", 1, "budget", 5000, "holdoutPercent", 20,
                "startsOn", "2026-01-01", "endsOn", "2029-12-31")));
        clock.pinAt(LocalDate.of(2027, 7, 13));

        runCampaignsJob();
        List<Long> heldOut = heldOutOf(campaignId);
        runCampaignsJob();
        JsonNode report = admin.get("/api/admin/campaigns/" + campaignId + "/report").json();

        assertThat(heldOut.size()).isBetween(200 - 45, 200 + 45);
        assertThat(heldOutOf(campaignId)).isEqualTo(heldOut);
        assertThat(heldOut).allMatch(m -> CampaignRewarder.heldOut(campaignId, m, 20));
        assertThat(members.stream().filter(m -> CampaignRewarder.heldOut(campaignId, m, 20)).toList()).isEqualTo(heldOut);
        assertThat(report.path("heldOut").asLong()).isEqualTo(heldOut.size());
        assertThat(report.path("rewarded").asLong()).isEqualTo(1000 - heldOut.size());
        assertThat(admin.get("/api/admin/campaigns/" + campaignId).json().path("rewarded").asLong())
                .as("the held out take no budget").isEqualTo(1000 - heldOut.size());
        assertThat(pointsOf(heldOut.get(0))).isZero();
    }

    @Test
    void theReportCountsBothGroupsAndWhatTheyDidInTheThirtyDaysAfter() {
        long templateId = createTemplate(10);
        long campaignId = create(campaign("JOINED", Map.of("templateId", templateId, "enabled", false)));
        long m1 = memberId(unique("seeded"));
        long m2 = memberId(unique("seeded"));
        long m3 = memberId(unique("seeded"));
        long m4 = memberId(unique("seeded"));
        long m5 = memberId(unique("seeded"));
        Instant t0 = Instant.parse("2025-03-01T04:00:00Z");
        Duration day = Duration.ofDays(1);
        seedReward(campaignId, m1, "REWARDED", seedCoupon(templateId, m1, "USED"), t0);
        seedReward(campaignId, m2, "REWARDED", seedCoupon(templateId, m2, "UNUSED"), t0.plus(day));
        seedReward(campaignId, m3, "HELD_OUT", null, t0);
        seedReward(campaignId, m4, "HELD_OUT", null, t0);
        seedReward(campaignId, m5, "SKIPPED", null, t0);
        seedSignIn(m1, t0.plus(day.multipliedBy(2)));            // back
        seedPurchase(m1, t0.plus(day.multipliedBy(5)), 10_000, 2_000); // 80.00 kept
        seedPurchase(m1, t0.plus(day.multipliedBy(31)), 5_000, 0);     // after the 30 days
        seedSignIn(m2, t0.minus(day));                           // before the trigger
        seedPurchase(m2, t0.plus(day.multipliedBy(30)), 300, 0);       // m2's trigger was a day later: day 29 of theirs
        seedPurchase(m3, t0.plus(day), 7_000, 0);                // held out, back anyway
        seedSignIn(m4, t0.plus(day.multipliedBy(30)));           // the first instant past the 30 days

        JsonNode report = admin.get("/api/admin/campaigns/" + campaignId + "/report").json();

        assertThat(report.path("rewarded").asLong()).isEqualTo(2);
        assertThat(report.path("heldOut").asLong()).isEqualTo(2);
        assertThat(report.path("skipped").asLong()).isEqualTo(1);
        assertThat(report.path("couponsUsed").asLong()).isEqualTo(1);
        assertThat(report.path("rewardedGroup").path("members").asLong()).isEqualTo(2);
        assertThat(report.path("rewardedGroup").path("cameBack").asLong()).isEqualTo(2);
        assertThat(report.path("rewardedGroup").path("spendCents").asLong()).isEqualTo(8_300);
        assertThat(report.path("heldOutGroup").path("members").asLong()).isEqualTo(2);
        assertThat(report.path("heldOutGroup").path("cameBack").asLong()).isEqualTo(1);
        assertThat(report.path("heldOutGroup").path("spendCents").asLong()).isEqualTo(7_000);
    }

    @Test
    void refusesWhatCannotBeACampaign() {
        assertThat(post(campaign("JOINED", Map.of("templateId", 999_999_999L))).code()).isEqualTo("NOT_FOUND");
        Map<String, Object> noReward = campaign("JOINED", Map.of());
        noReward.remove("points");
        assertThat(post(noReward).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("SOMETIME", Map.of())).status()).isEqualTo(400);
        assertThat(post(campaign("JOINED", Map.of("holdoutPercent", 51))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("JOINED", Map.of("holdoutPercent", -1))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("JOINED", Map.of("startsOn", "2026-05-02", "endsOn", "2026-05-01"))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("JOINED", Map.of("budget", 0))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("SEGMENT_ENTERED", Map.of())).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("LEVEL_REACHED", Map.of())).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("LEVEL_REACHED", Map.of("levelCode", "NO_SUCH_LEVEL"))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(campaign("JOINED", Map.of("points", 0))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/admin/campaigns/999999999").code()).isEqualTo("NOT_FOUND");
        assertThat(admin.get("/api/admin/campaigns/999999999/report").code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/admin/campaigns").status()).isEqualTo(401);
        assertThat(api.as(loginMember(unique("member"))).get("/api/admin/campaigns").status()).isEqualTo(403);
    }

    @Test
    void anOperatorChangesACampaignAndFindsItListed() {
        long campaignId = create(campaign("JOINED", Map.of("points", 3, "enabled", false)));
        Map<String, Object> changed = campaign("LEVEL_REACHED", Map.of("points", 4, "levelCode", "BASE", "enabled", false));

        Api.Response updated = admin.put("/api/admin/campaigns/" + campaignId, changed);

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("trigger").asString()).isEqualTo("LEVEL_REACHED");
        assertThat(updated.json().path("levelCode").asString()).isEqualTo("BASE");
        assertThat(updated.json().path("points").asLong()).isEqualTo(4);
        JsonNode listed = admin.get("/api/admin/campaigns?size=100").json().path("items");
        assertThat(listed.valueStream().anyMatch(c -> c.path("id").asLong() == campaignId)).isTrue();
        JsonNode audit = admin.get("/api/admin/audit-log?action=CAMPAIGN_UPDATED&size=100").json().path("items");
        assertThat(audit.valueStream().anyMatch(e -> e.path("target").asString().equals("campaign:" + campaignId))).isTrue();
    }

    private Map<String, Object> campaign(String trigger, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Welcome");
        body.put("trigger", trigger);
        body.put("points", 10);
        body.put("budget", 10);
        body.put("startsOn", LocalDate.now(clock).minusDays(1).toString());
        body.put("endsOn", LocalDate.now(clock).plusDays(30).toString());
        body.put("enabled", true);
        body.put("holdoutPercent", 0);
        body.putAll(changes);
        return body;
    }

    private Api.Response post(Map<String, Object> body) {
        return admin.post("/api/admin/campaigns", body);
    }

    private long create(Map<String, Object> body) {
        Api.Response response = post(body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        long id = response.json().path("id").asLong();
        created.add(id);
        return id;
    }

    private void runCampaignsJob() {
        runJob("campaigns");
    }

    /** Logs the operator in again: a token issued before the clock moved is expired (or not yet valid) after. */
    private void runJob(String name) {
        admin = api.as(loginAdmin());
        Api.Response run = admin.post("/api/admin/jobs/" + name + "/run", null);
        assertThat(run.status()).as(run.text()).isEqualTo(200);
    }

    private String segmentOf(long memberId) {
        return jdbc.queryForObject("SELECT segment FROM member WHERE id = ?", String.class, memberId);
    }

    private long rewardsOf(long campaignId, long memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_reward WHERE campaign_id = ? AND member_id = ?",
                Long.class, campaignId, memberId);
    }

    /**
     * A member who joined on {@code day} (today if null) and, if {@code signedInOn} is given, signed in on that
     * day, from a device of their own (one network's logins are rate limited).
     */
    private long joinOn(LocalDate day, LocalDate signedInOn) {
        Api device = new Api(port).from(nextClientIp());
        Map<String, String> login = Map.of("code", unique("settled"));
        if (day != null) {
            clock.pinAt(day);
        }
        long memberId = device.post("/api/app/auth/login", login).json().path("member").path("id").asLong();
        if (signedInOn != null) {
            clock.pinAt(signedInOn);
            String token = device.post("/api/app/auth/login", login).json().path("token").asString();
            assertThat(device.as(token).post("/api/app/sign-ins", null).status()).isEqualTo(200);
        }
        clock.reset();
        return memberId;
    }

    /** Until the campaign listener has taken every segment entry of these members from the publication registry. */
    private void awaitSegmentRewardsSettled(List<Long> memberIds) {
        Pattern member = Pattern.compile("\"memberId\":(\\d+)");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT SERIALIZED_EVENT FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE '%CampaignTriggers%' "
                        + "AND EVENT_TYPE LIKE '%SegmentEntered' AND COMPLETION_DATE IS NULL", String.class).stream()
                .map(member::matcher).filter(Matcher::find).map(m -> Long.valueOf(m.group(1))))
                .doesNotContainAnyElementsOf(memberIds));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String idList(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private void awaitReward(long campaignId, long memberId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (rewardsOf(campaignId, memberId) == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Long> heldOutOf(long campaignId) {
        return jdbc.queryForList("SELECT member_id FROM campaign_reward WHERE campaign_id = ? AND outcome = 'HELD_OUT'"
                + " ORDER BY member_id", Long.class, campaignId);
    }

    private List<Long> insertMembers(int n, LocalDate birthday) {
        String prefix = unique("bulk");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {prefix + "-" + i, Date.valueOf(birthday)});
        }
        jdbc.batchUpdate("INSERT INTO member (openid, birthday, created_at, updated_at)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", rows);
        return jdbc.queryForList("SELECT id FROM member WHERE openid LIKE ? ORDER BY id", Long.class, prefix + "-%");
    }

    private void seedReward(long campaignId, long memberId, String outcome, Long couponId, Instant at) {
        jdbc.update("INSERT INTO campaign_reward (campaign_id, member_id, reward_period, outcome, coupon_id, triggered_at)"
                + " VALUES (?, ?, 0, ?, ?, ?)", campaignId, memberId, outcome, couponId, Timestamp.from(at));
    }

    private long seedCoupon(long templateId, long memberId, String status) {
        String code = unique("C").toUpperCase();
        jdbc.update("""
                INSERT INTO coupon (template_id, member_id, code, status, redeem_key, points_paid, valid_from, valid_to,
                                    created_at)
                VALUES (?, ?, ?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                templateId, memberId, code, status, code);
        return jdbc.queryForObject("SELECT id FROM coupon WHERE code = ?", Long.class, code);
    }

    private void seedSignIn(long memberId, Instant at) {
        jdbc.update("INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, created_at)"
                + " VALUES (?, ?, 1, 0, 0, ?)", memberId, Date.valueOf(at.atZone(clock.getZone()).toLocalDate()),
                Timestamp.from(at));
    }

    private void seedPurchase(long memberId, Instant at, long amountCents, long refundedCents) {
        jdbc.update("INSERT INTO counter_purchase (store_id, order_no, member_id, amount_cents, points_awarded,"
                + " refunded_cents, staff_member_id, created_at) VALUES (0, ?, ?, ?, 0, ?, 0, ?)",
                unique("order"), memberId, amountCents, refundedCents, Timestamp.from(at));
    }

    private long pointsOf(long memberId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ?", Long.class, memberId);
    }

    private long couponsOf(long memberId, long templateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Long.class,
                memberId, templateId);
    }

    private long createTemplate(long stock) {
        Api.Response created = admin.post("/api/admin/coupon-templates", Map.of("name", "Welcome gift", "type", "CASH",
                "thresholdCents", 5000, "discountCents", 1000, "pointsPrice", 50, "totalStock", stock,
                "perMemberLimit", 1, "validDays", 30, "enabled", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
