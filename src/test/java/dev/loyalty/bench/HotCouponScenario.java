package dev.loyalty.bench;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The hot coupon: a template of {@code stock} (100) coupons at 10 points, and {@code members} (3000)
 * members with 100 points each trying to redeem it once, so most attempts are refusals (409 OUT_OF_STOCK);
 * first the same on another template to warm up. Then it checks that nobody got a coupon beyond the stock
 * and nobody paid points without getting one. The floor does what a redemption must write, on a template
 * of its own: take one from the stock (a guarded update, the only statement of a refusal), then the
 * member's quota, the points account, the ledger row and the coupon, in one transaction.
 */
final class HotCouponScenario {

    private static final long PRICE = 10;
    private static final long POINTS_EACH = 100;
    private static final int MAX_SECONDS = 120;

    private HotCouponScenario() {
    }

    static void run(HttpBenchmark b) throws Exception {
        int stock = Integer.getInteger("stock", 100);
        int members = Integer.getInteger("members", 3_000);
        String admin = b.app.adminToken();
        long warmTemplate = template(b, admin, "warm-up", stock);
        long hot = template(b, admin, "hot", stock);
        long[] warm = members(b, "-warm-", members);
        long[] measured = members(b, "-m-", members);

        b.warmUp(lines(b, warm), MAX_SECONDS, Long.toString(warmTemplate));
        HttpBenchmark.Measured m = b.measure(lines(b, measured), MAX_SECONDS, Long.toString(hot));
        List<String> checks = check(b, hot, stock, measured, m.result());

        long floorTemplate = template(b, admin, "floor", stock);
        long floorWarmTemplate = template(b, admin, "floor warm-up", stock);
        long[] floorMembers = members(b, "-floor-", members + 1_000);
        AtomicInteger refused = new AtomicInteger();
        Instant validTo = Instant.now().plus(30, ChronoUnit.DAYS);
        HttpBenchmark.Floor floor = b.floor(members, 1_000, (pool, i) -> {
            boolean timed = i < members;
            if (!bareRedeem(pool, timed ? floorTemplate : floorWarmTemplate, floorMembers[i], b.run + "-" + i, validTo) && timed) {
                refused.incrementAndGet();
            }
        });
        b.report("POST /api/app/mall/items/{id}/redeem", m, "bare JDBC, stock update (+4 writes), 1 tx", floor,
                refused, "attempt", m.result().answered(), checks);
    }

    private static long template(HttpBenchmark b, String admin, String name, int stock) throws Exception {
        return b.app.post("/api/admin/coupon-templates", admin, """
                {"name":"%s %s","type":"GIFT","pointsPrice":%d,"totalStock":%d,"perMemberLimit":1,"validDays":30,"enabled":true}"""
                .formatted(name, b.run, PRICE, stock)).get("id").asLong();
    }

    private static long[] members(HttpBenchmark b, String role, int count) throws Exception {
        String prefix = b.run + role;
        long[] ids = Seed.members(b.db, prefix, count);
        Seed.points(b.db, prefix, POINTS_EACH);
        return ids;
    }

    private static List<String> lines(HttpBenchmark b, long[] members) {
        List<String> lines = new ArrayList<>(members.length);
        for (long member : members) {
            lines.add(b.token(member) + "\tredeem-" + member);
        }
        return lines;
    }

    private static List<String> check(HttpBenchmark b, long template, int stock, long[] members, Wrk.Result answers)
            throws Exception {
        long first = members[0];
        long last = members[members.length - 1];
        long coupons = Seed.count(b.db, "SELECT COUNT(*) FROM coupon WHERE template_id = ?", template);
        long taken = Seed.count(b.db, "SELECT taken FROM coupon_template WHERE id = ?", template);
        long spends = Seed.count(b.db, "SELECT COUNT(*) FROM points_entry WHERE type = 'SPEND' AND member_id BETWEEN ? AND ?",
                first, last);
        long spent = Seed.count(b.db, "SELECT COALESCE(-SUM(delta), 0) FROM points_entry WHERE type = 'SPEND' AND member_id BETWEEN ? AND ?",
                first, last);
        long chargedWithout = Seed.count(b.db, """
                SELECT COUNT(*) FROM points_entry e
                 WHERE e.type = 'SPEND' AND e.member_id BETWEEN ? AND ?
                   AND NOT EXISTS (SELECT 1 FROM coupon c WHERE c.member_id = e.member_id AND c.template_id = ?)""",
                first, last, template);
        long balances = Seed.count(b.db, "SELECT SUM(balance) FROM points_account WHERE member_id BETWEEN ? AND ?", first, last);
        long expectedBalances = members.length * POINTS_EACH - coupons * PRICE;
        return List.of(
                String.format("check: stock %d, coupons issued %d (template taken %d, answered 201: %d): no oversell %s, sold out %s",
                        stock, coupons, taken, answers.ok(), HttpBenchmark.verdict(coupons <= stock && taken == coupons),
                        HttpBenchmark.verdict(coupons == stock && answers.ok() == coupons)),
                String.format("check: %d SPEND rows for %d points = %d coupons x %d: %s; members charged without a coupon: %d %s;"
                                + " balances %d = %d x %d - %d x %d: %s",
                        spends, spent, coupons, PRICE, HttpBenchmark.verdict(spends == coupons && spent == coupons * PRICE),
                        chargedWithout, HttpBenchmark.verdict(chargedWithout == 0), balances, members.length, POINTS_EACH,
                        coupons, PRICE, HttpBenchmark.verdict(balances == expectedBalances)));
    }

    /** A redemption's writes with nothing around them; false when the stock was gone. */
    private static boolean bareRedeem(DataSource pool, long template, long member, String key, Instant validTo) {
        boolean[] issued = {false};
        Timestamp now = Timestamp.from(Instant.now());
        BenchSupport.inTransaction(pool, c -> {
            try (PreparedStatement take = c.prepareStatement(
                    "UPDATE coupon_template SET taken = taken + 1 WHERE id = ? AND taken < total_stock")) {
                take.setLong(1, template);
                if (take.executeUpdate() == 0) {
                    return;
                }
            }
            try (PreparedStatement quota = c.prepareStatement(
                    "INSERT INTO coupon_member_quota (template_id, member_id, taken) VALUES (?, ?, 1)");
                    PreparedStatement account = c.prepareStatement("""
                            UPDATE points_account SET balance = balance - ?, total_spent = total_spent + ?
                             WHERE member_id = ? AND balance >= ?""");
                    PreparedStatement entry = c.prepareStatement("""
                            INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                            VALUES (?, ?, ?, 'SPEND', 'REDEEM', ?, ?)""");
                    PreparedStatement coupon = c.prepareStatement("""
                            INSERT INTO coupon (template_id, member_id, code, status, redeem_key, points_paid, valid_from, valid_to, created_at)
                            VALUES (?, ?, ?, 'UNUSED', ?, ?, ?, ?, ?)""")) {
                quota.setLong(1, template);
                quota.setLong(2, member);
                quota.executeUpdate();
                account.setLong(1, PRICE);
                account.setLong(2, PRICE);
                account.setLong(3, member);
                account.setLong(4, PRICE);
                account.executeUpdate();
                entry.setLong(1, member);
                entry.setLong(2, -PRICE);
                entry.setLong(3, POINTS_EACH - PRICE);
                entry.setString(4, "bare-redeem:" + key);
                entry.setTimestamp(5, now);
                entry.executeUpdate();
                coupon.setLong(1, template);
                coupon.setLong(2, member);
                coupon.setString(3, key);
                coupon.setString(4, key);
                coupon.setLong(5, PRICE);
                coupon.setTimestamp(6, now);
                coupon.setTimestamp(7, Timestamp.from(validTo));
                coupon.setTimestamp(8, now);
                coupon.executeUpdate();
                issued[0] = true;
            }
        });
        return issued[0];
    }
}
