package dev.loyalty.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.checkout.CheckoutRequest;
import dev.loyalty.checkout.CheckoutService;
import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.integrity.Drift;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.MemberCodes;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.coupon.CouponMall;
import dev.loyalty.points.PointsService;
import dev.loyalty.rebate.RebatePolicyView;
import dev.loyalty.rebate.RebateService;
import dev.loyalty.signin.SignInService;
import dev.loyalty.support.Actors;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.SeededMembers;
import dev.loyalty.wallet.WalletService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The nightly integrity check: clean on a random history of every kind of movement, and naming each kind of
 * tampering done behind the app's back, wherever in the batches it sits.
 */
class IntegrityCheckTest extends IntegrationTest {

    private static final int OPERATIONS = 2_000;
    private static final RebatePolicyView DEFAULT_POLICY = new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
            RebatePolicyView.CreditAs.WALLET, true,
            List.of(new RebatePolicyView.Tier(100_000, 2), new RebatePolicyView.Tier(500_000, 3)));

    @Autowired
    IntegrityService integrity;
    @Autowired
    SignInService signIns;
    @Autowired
    CounterService counter;
    @Autowired
    CouponMall mall;
    @Autowired
    CheckoutService checkouts;
    @Autowired
    WalletService wallets;
    @Autowired
    PointsService points;
    @Autowired
    RebateService rebates;
    @Autowired
    MemberCodes memberCodes;

    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private boolean policyChanged;

    @AfterEach
    void restorePolicy() {
        if (policyChanged) {
            // while the clock is still where the test left it: the default is in force from then on
            Actors.asAdmin(() -> rebates.changePolicy(DEFAULT_POLICY));
        }
    }

    @Test
    void aRandomHistoryIsCleanAndEachTamperingIsNamedWithTheGaugeFollowing() {
        long seed = 20_411_2026L;
        Random random = new Random(seed);
        clock.pinAt(LocalDate.of(2041, 1, 1));
        Api admin = api.as(loginAdmin());
        policyChanged = true;
        Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                RebatePolicyView.CreditAs.WALLET, true, List.of(new RebatePolicyView.Tier(20_000, 2)))));
        long storeId = admin.post("/api/admin/stores", Map.of("name", unique("Books"))).json().path("id").asLong();
        long cashierId = memberId(unique("books-cashier"));
        admin.post("/api/admin/staff", Map.of("memberId", cashierId, "storeId", storeId));
        StaffBinding till = new StaffBinding(cashierId, storeId);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            members.add(memberId(unique("books")));
        }
        List<Long> templates = List.of(template(admin, 40, 5), template(admin, 6, 2), template(admin, 300, 20));
        List<String> purchases = new ArrayList<>();
        List<long[]> coupons = new ArrayList<>();
        List<String> checkedOut = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        int done = 0;

        for (int i = 0; i < OPERATIONS; i++) {
            if (i == 700) {
                clock.pinAt(LocalDate.of(2041, 2, 1));
                rebates.settle("2041-01");
                Actors.asAdmin(() -> rebates.changePolicy(new RebatePolicyView(RebatePolicyView.PeriodType.MONTH,
                        RebatePolicyView.CreditAs.POINTS, false, List.of(new RebatePolicyView.Tier(20_000, 3)))));
            } else if (i == 1_400) {
                clock.pinAt(LocalDate.of(2041, 3, 1));
                rebates.settle("2041-02");
                for (long rebate : myRebates(members, "PENDING")) {
                    if (random.nextBoolean()) {
                        Actors.asAdmin(() -> rebates.approve(rebate));
                    } else {
                        Actors.asAdmin(() -> rebates.reject(rebate, "test"));
                    }
                }
            }
            long member = members.get(random.nextInt(members.size()));
            String order = "bk" + seed % 1000 + "-" + i + "-" + unique("o");
            try {
                switch (random.nextInt(20)) {
                    case 0, 1, 2 -> signIns.signIn(member);
                    case 3, 4, 5 -> {
                        counter.recordPurchaseFor(till, member, order, 100 + random.nextInt(30_000));
                        purchases.add(order);
                    }
                    case 6 -> {
                        if (!purchases.isEmpty()) {
                            counter.refundPurchase(till, purchases.get(random.nextInt(purchases.size())),
                                    random.nextBoolean() ? null : (long) (1 + random.nextInt(5_000)));
                        }
                    }
                    case 7, 8 -> {
                        long template = templates.get(random.nextInt(templates.size()));
                        var coupon = mall.redeem(member, template, "bk-" + i).coupon();
                        coupons.add(new long[] {coupon.id(), member});
                    }
                    case 9 -> {
                        if (!coupons.isEmpty()) {
                            long coupon = coupons.get(random.nextInt(coupons.size()))[0];
                            Actors.asAdmin(() -> mall.revoke(coupon));
                        }
                    }
                    case 10 -> {
                        long[] coupon = coupons.isEmpty() ? null : coupons.get(random.nextInt(coupons.size()));
                        long buyer = coupon == null ? member : coupon[1];
                        String code = coupon == null ? null
                                : jdbc.queryForObject("SELECT code FROM coupon WHERE id = ?", String.class, coupon[0]);
                        checkouts.checkout(till, new CheckoutRequest(code(buyer), order, 2_000 + random.nextInt(20_000), code,
                                (long) random.nextInt(300)));
                        checkedOut.add(order);
                    }
                    case 11 -> {
                        if (!checkedOut.isEmpty()) {
                            checkouts.refund(till, checkedOut.remove(random.nextInt(checkedOut.size())), null);
                        }
                    }
                    case 12, 13 -> wallets.topUp(till, code(member), order, 1_000 + random.nextInt(50_000), null);
                    case 14 -> {
                        wallets.pay(till, code(member), order, 100 + random.nextInt(20_000));
                        payments.add(order);
                    }
                    case 15 -> {
                        if (!payments.isEmpty()) {
                            wallets.refundPayment(till, payments.get(random.nextInt(payments.size())));
                        }
                    }
                    case 16 -> {
                        long delta = random.nextInt(200) - 100;
                        points.adjust(member, delta >= 0 ? delta + 1 : delta, "books", "bk-adjust-" + i + "-" + member);
                    }
                    default -> clock.advance(Duration.ofMinutes(1 + random.nextInt(240)));
                }
                done++;
            } catch (LoyaltyException | IllegalArgumentException refused) {
                // refusals (no stock, no points, nothing left to refund) are part of a random history
            }
        }
        assertThat(done).as("most operations went through").isGreaterThan(OPERATIONS / 2);
        Set<Long> rebatesOfMine = new HashSet<>(myRebates(members, null));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT CONCAT(status, credit_as)) FROM rebate WHERE id IN ("
                + rebatesOfMine.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Long.class))
                .as("rebates credited to wallets and to points, and rejected ones").isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM coupon WHERE returned_at IS NOT NULL AND template_id IN (?, ?, ?)", templates))
                .as("checkout refunds gave coupons back").isPositive();
        assertThat(count("SELECT COUNT(*) FROM coupon WHERE status = 'REVOKED' AND template_id IN (?, ?, ?)", templates))
                .as("operators revoked coupons").isPositive();

        admin = api.as(loginAdmin());
        JsonNode clean = runAndRead(admin);
        assertThat(mine(clean, members, templates, rebatesOfMine)).as("drift in a clean history").isEmpty();
        assertThat(clean.path("accounts").asLong()).isGreaterThanOrEqualTo(members.size() + templates.size());
        assertThat(gauge()).isEqualTo(clean.path("driftCount").asDouble());

        long balanceChanged = members.get(0);
        long rowDeleted = members.get(1);
        long lotChanged = members.get(2);
        long walletChanged = members.get(3);
        long templateChanged = templates.get(0);
        jdbc.update("UPDATE points_account SET balance = balance + 7 WHERE member_id = ?", balanceChanged);
        Map<String, Object> deletedRow = jdbc.queryForMap("SELECT * FROM points_entry WHERE id = "
                + "(SELECT MIN(id) FROM points_entry WHERE member_id = ?)", rowDeleted);
        jdbc.update("DELETE FROM points_entry WHERE id = ?", deletedRow.get("id"));
        long changedLot = jdbc.queryForObject("SELECT MAX(id) FROM points_lot WHERE member_id = ?", Long.class, lotChanged);
        jdbc.update("UPDATE points_lot SET remaining = remaining + 3 WHERE id = ?", changedLot);
        jdbc.update("UPDATE coupon_template SET taken = taken + 1 WHERE id = ?", templateChanged);
        jdbc.update("UPDATE wallet_account SET principal_cents = principal_cents - 5 WHERE member_id = ?", walletChanged);
        Map<String, Object> quota = jdbc.queryForMap("SELECT template_id, member_id FROM coupon_member_quota WHERE taken > 0 "
                + "AND template_id = ? ORDER BY member_id LIMIT 1", templateChanged);
        jdbc.update("UPDATE coupon_member_quota SET taken = taken + 2 WHERE template_id = ? AND member_id = ?",
                quota.get("template_id"), quota.get("member_id"));

        JsonNode tampered = runAndRead(admin);
        List<String> found = mine(tampered, members, templates, rebatesOfMine);
        assertThat(found).contains("POINTS_BALANCE " + balanceChanged, "POINTS_BALANCE " + rowDeleted,
                "POINTS_CHAIN " + rowDeleted, "POINTS_LOTS " + lotChanged, "COUPON_TAKEN " + templateChanged,
                "WALLET_PRINCIPAL " + walletChanged, "COUPON_QUOTA " + templateChanged);
        assertThat(drift(tampered, "COUPON_QUOTA", templateChanged).path("what").asString())
                .contains("member " + quota.get("member_id") + "'s quota");
        assertThat(found).doesNotContain("POINTS_BALANCE " + lotChanged, "POINTS_CHAIN " + balanceChanged,
                "WALLET_BONUS " + walletChanged);
        JsonNode balanceDrift = drift(tampered, "POINTS_BALANCE", balanceChanged);
        assertThat(balanceDrift.path("actual").asLong() - balanceDrift.path("expected").asLong()).isEqualTo(7);
        assertThat(drift(tampered, "WALLET_PRINCIPAL", walletChanged).path("what").asString()).contains("principal");
        assertThat(tampered.path("driftCount").asLong()).isGreaterThanOrEqualTo(clean.path("driftCount").asLong() + 6);
        assertThat(gauge()).as("the gauge follows the last run").isEqualTo(tampered.path("driftCount").asDouble());

        jdbc.update("UPDATE points_account SET balance = balance - 7 WHERE member_id = ?", balanceChanged);
        jdbc.update("UPDATE coupon_template SET taken = taken - 1 WHERE id = ?", templateChanged);
        JsonNode repaired = runAndRead(admin);
        assertThat(mine(repaired, members, templates, rebatesOfMine)).doesNotContain("POINTS_BALANCE " + balanceChanged,
                "COUPON_TAKEN " + templateChanged).contains("WALLET_PRINCIPAL " + walletChanged);
        assertThat(gauge()).isEqualTo(repaired.path("driftCount").asDouble())
                .isLessThan(tampered.path("driftCount").asDouble());

        jdbc.update("INSERT INTO points_entry (id, member_id, delta, balance_after, type, source, idempotency_key, reference,"
                + " reverses_id, remark, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", deletedRow.get("id"),
                deletedRow.get("member_id"), deletedRow.get("delta"), deletedRow.get("balance_after"), deletedRow.get("type"),
                deletedRow.get("source"), deletedRow.get("idempotency_key"), deletedRow.get("reference"),
                deletedRow.get("reverses_id"), deletedRow.get("remark"), deletedRow.get("created_at"));
        jdbc.update("UPDATE points_lot SET remaining = remaining - 3 WHERE id = ?", changedLot);
        jdbc.update("UPDATE coupon_member_quota SET taken = taken - 2 WHERE template_id = ? AND member_id = ?",
                quota.get("template_id"), quota.get("member_id"));
        jdbc.update("UPDATE wallet_account SET principal_cents = principal_cents + 5 WHERE member_id = ?", walletChanged);
        assertThat(mine(runAndRead(admin), members, templates, rebatesOfMine)).as("every tampering undone").isEmpty();
    }

    @Test
    void driftInTheLastOfManyBatchesAndOnBatchEdgesIsFound() {
        List<Long> seeded = SeededMembers.withPoints(jdbc, points, 40, 100);
        List<Long> all = jdbc.queryForList("SELECT member_id FROM points_account ORDER BY member_id", Long.class);
        int batch = 7;
        long last = all.get(all.size() - 1);
        assertThat(last).as("the newest account is the last in id order").isEqualTo(seeded.get(seeded.size() - 1));
        long firstOfABatch = seeded.stream().filter(m -> all.indexOf(m) % batch == 0).findFirst().orElseThrow();
        long lastOfABatch = seeded.stream().filter(m -> all.indexOf(m) % batch == batch - 1).findFirst().orElseThrow();
        jdbc.update("UPDATE points_account SET balance = balance + 1 WHERE member_id IN (?, ?, ?)", last, firstOfABatch,
                lastOfABatch);
        // ledger rows of a member above every account and every wallet, who has neither
        long stray = Math.max(last, jdbc.queryForObject("SELECT COALESCE(MAX(member_id), 0) FROM wallet_account", Long.class))
                + 1_000_000;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at) "
                + "VALUES (?, 5, 5, 'EARN', 'GRANT', ?, ?)", stray, "stray-" + stray, now);
        jdbc.update("INSERT INTO wallet_entry (member_id, type, delta_cents, principal_delta_cents, bonus_delta_cents, "
                + "balance_after_cents, idempotency_key, created_at) VALUES (?, 'TOP_UP', 700, 700, 0, 700, ?, ?)",
                stray, "stray-" + stray, now);

        IntegrityReport report = integrity.check(batch);

        Set<Long> found = report.drift().stream().filter(d -> d.kind().equals("POINTS_BALANCE")).map(Drift::id)
                .collect(Collectors.toSet());
        assertThat(found).contains(last, firstOfABatch, lastOfABatch, stray);
        assertThat(report.drift()).anySatisfy(d -> assertThat(d).extracting(Drift::kind, Drift::id, Drift::expected)
                .containsExactly("WALLET_PRINCIPAL", stray, 700L));
        jdbc.update("DELETE FROM points_entry WHERE member_id = ?", stray);
        jdbc.update("DELETE FROM wallet_entry WHERE member_id = ?", stray);
        assertThat(report.checked().get("points")).as("every account, in %d batches", all.size() / batch + 1)
                .isEqualTo((long) all.size());
        assertThat(report.checked().get("wallets")).isEqualTo(count("SELECT COUNT(*) FROM wallet_account", List.of()));
        assertThat(integrity.lastRun().drift()).contains(report.drift().get(0));
        jdbc.update("UPDATE points_account SET balance = balance - 1 WHERE member_id IN (?, ?, ?)", last, firstOfABatch,
                lastOfABatch);
    }

    /** The story, through HTTP alone but for the tampering itself. */
    @Test
    void aBalanceChangedBehindTheAppsBackIsNamedByTheNextRun() {
        String code = unique("tampered");
        Api member = api.as(loginMember(code));
        long memberId = memberId(code);
        assertThat(member.post("/api/app/sign-ins", null).status()).isEqualTo(200);
        Api admin = api.as(loginAdmin());

        jdbc.update("UPDATE points_account SET balance = balance + 1 WHERE member_id = ?", memberId);
        Api.Response run = admin.post("/api/admin/jobs/integrity-check/run", null);
        JsonNode report = admin.get("/api/admin/integrity").json();

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("processed").asLong()).isEqualTo(report.path("accounts").asLong()).isPositive();
        JsonNode drift = drift(report, "POINTS_BALANCE", memberId);
        assertThat(drift.path("actual").asLong()).isEqualTo(drift.path("expected").asLong() + 1);
        assertThat(drift.path("what").asString()).contains("member " + memberId);
        assertThat(report.path("checkedAt").asString()).isNotBlank();
        jdbc.update("UPDATE points_account SET balance = balance - 1 WHERE member_id = ?", memberId);
    }

    private JsonNode runAndRead(Api admin) {
        Api.Response run = admin.post("/api/admin/jobs/integrity-check/run", null);
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        return admin.get("/api/admin/integrity").json();
    }

    /** "KIND id" of the drift the report names on these members, templates and rebates. */
    private static List<String> mine(JsonNode report, List<Long> members, List<Long> templates, Set<Long> rebates) {
        List<String> found = new ArrayList<>();
        for (JsonNode drift : report.path("drift")) {
            String kind = drift.path("kind").asString();
            long id = drift.path("id").asLong();
            boolean ours = kind.startsWith("COUPON_") ? templates.contains(id)
                    : kind.startsWith("REBATE_") ? rebates.contains(id) : members.contains(id);
            if (ours) {
                found.add(kind + " " + id);
            }
        }
        return found;
    }

    private static JsonNode drift(JsonNode report, String kind, long id) {
        for (JsonNode drift : report.path("drift")) {
            if (drift.path("kind").asString().equals(kind) && drift.path("id").asLong() == id) {
                return drift;
            }
        }
        throw new AssertionError("no " + kind + " drift on " + id + " in " + report);
    }

    private double gauge() {
        return api.get("/actuator/prometheus").text().lines().filter(line -> line.startsWith("loyalty_integrity_drift "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("loyalty_integrity_drift is not exported"));
    }

    private List<Long> myRebates(List<Long> members, String status) {
        String in = members.stream().map(String::valueOf).collect(Collectors.joining(","));
        return status == null
                ? jdbc.queryForList("SELECT id FROM rebate WHERE member_id IN (" + in + ")", Long.class)
                : jdbc.queryForList("SELECT id FROM rebate WHERE status = ? AND member_id IN (" + in + ")", Long.class, status);
    }

    private long count(String sql, List<Long> args) {
        return jdbc.queryForObject(sql, Long.class, args.toArray());
    }

    private long template(Api admin, long stock, int perMemberLimit) {
        Api.Response created = admin.post("/api/admin/coupon-templates", Map.of("name", unique("books"), "type", "CASH",
                "thresholdCents", 1_000, "discountCents", 500, "pointsPrice", 20, "totalStock", stock,
                "perMemberLimit", perMemberLimit, "validDays", 30, "enabled", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private String code(long memberId) {
        String code;
        do {
            code = memberCodes.show(memberId, null).code();
        } while (!handedOut.add(code));
        return code;
    }
}
