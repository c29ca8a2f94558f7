package dev.loyalty.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code POST /api/staff/wallet/payments} from one cashier, every payment a different member's wallet
 * with a member code of its own: wrk for {@code duration} seconds (20) or until the codes fetched for it
 * run out, after a warm-up of {@code warmup} seconds (10). As codes live 30 to 60 seconds, the run gets
 * four times as many as the warm-up's rate would use, at most {@code payments} (10000). The floor is a
 * payment's own writes in one transaction: lock the wallet row, update it, insert the ledger row and
 * the purchase.
 */
final class WalletPayScenario {

    private static final long WALLET_CENTS = 1_000_000;
    /** A member code lives until the end of the 30-second step after the one it was drawn in. */
    private static final long CODE_STEP_MILLIS = 30_000;
    /** Codes the fixture fetches a second, at the least, to decide whether they outlive the run. */
    private static final int CODES_PER_SECOND = 500;

    private WalletPayScenario() {
    }

    static void run(HttpBenchmark b) throws Exception {
        int payments = Integer.getInteger("payments", 10_000);
        int seconds = Integer.getInteger("duration", 20);
        int warmUpSeconds = Integer.getInteger("warmup", 10);
        long[] warm = wallets(b, "-warm-", 2_000);
        long[] measured = wallets(b, "-m-", payments);
        long[] floorMembers = wallets(b, "-floor-", payments + 1_000);
        long cashier = Seed.members(b.db, b.run + "-cashier-", 1)[0];
        String admin = b.app.adminToken();
        long store = b.app.post("/api/admin/stores", admin, "{\"name\":\"bench " + b.run + "\"}").get("id").asLong();
        b.app.post("/api/admin/staff", admin, "{\"memberId\":" + cashier + ",\"storeId\":" + store + "}");
        String till = b.token(cashier);

        double warmRate = b.warmUp(lines(b, warm, "warm", warmUpSeconds), warmUpSeconds, till).perSecond();
        int codes = (int) Math.min(payments, Math.max(1_000, 4 * warmRate * seconds));
        HttpBenchmark.Measured m = b.measure(lines(b, Arrays.copyOf(measured, codes), "m", seconds), seconds, till);

        long first = measured[0];
        long last = measured[measured.length - 1];
        long paid = Seed.count(b.db, "SELECT COUNT(*) FROM wallet_entry WHERE type = 'PAY' AND member_id BETWEEN ? AND ?", first, last);
        long purchases = Seed.count(b.db, "SELECT COUNT(*) FROM counter_purchase WHERE member_id BETWEEN ? AND ?", first, last);
        HttpBenchmark.Floor floor = b.floor((int) Math.min(payments, Math.max(1_000, m.result().answered())), 1_000,
                (pool, i) -> barePay(pool, floorMembers[i], store, cashier, "floor-" + i, amount(i)));
        b.report("POST /api/staff/wallet/payments", m, "bare JDBC, lock + 3 writes, 1 tx", floor, null, "payment", paid,
                List.of(String.format("check: %d wallet payments and %d purchases written for %d answers (%d more in flight"
                                + " at the stop): %s", paid, purchases, m.result().ok(), paid - m.result().ok(),
                        HttpBenchmark.verdict(paid == purchases && b.oneEach(m, paid)))));
    }

    private static long[] wallets(HttpBenchmark b, String role, int count) throws Exception {
        long[] ids = Seed.members(b.db, b.run + role, count);
        Seed.wallets(b.db, b.run + role, WALLET_CENTS);
        return ids;
    }

    private static long amount(int i) {
        return 100 + i % 900;
    }

    /**
     * One payment line per member, with a code fetched over HTTP as the member's app would. If the codes
     * drawn now might expire before the run ends, it first waits for the next 30-second step.
     */
    private static List<String> lines(HttpBenchmark b, long[] members, String prefix, int runSeconds) throws Exception {
        long needed = (runSeconds + 5 + members.length / CODES_PER_SECOND) * 1000L;
        long now = System.currentTimeMillis();
        long nextStep = (now / CODE_STEP_MILLIS + 1) * CODE_STEP_MILLIS;
        if (nextStep + CODE_STEP_MILLIS - now < needed) {
            Thread.sleep(nextStep - now + 100);
        }
        String[] codes = new String[members.length];
        long started = System.nanoTime();
        BenchSupport.timed(8, members.length,
                i -> codes[i] = b.app.get("/api/app/member-code", b.token(members[i])).get("code").asString());
        System.out.printf("%d member codes fetched in %.1f s%n", members.length, (System.nanoTime() - started) / 1e9);
        List<String> lines = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            lines.add(codes[i] + "\t" + prefix + "-" + i + "\t" + amount(i));
        }
        return lines;
    }

    /** A wallet payment's own writes, with nothing around them. */
    private static void barePay(DataSource pool, long member, long store, long cashier, String orderNo, long cents) {
        Timestamp now = Timestamp.from(Instant.now());
        BenchSupport.inTransaction(pool, c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT principal_cents, bonus_cents FROM wallet_account WHERE member_id = ? FOR UPDATE");
                    PreparedStatement update = c.prepareStatement(
                            "UPDATE wallet_account SET principal_cents = principal_cents - ?, updated_at = ? WHERE member_id = ?");
                    PreparedStatement entry = c.prepareStatement("""
                            INSERT INTO wallet_entry (member_id, type, delta_cents, principal_delta_cents, bonus_delta_cents,
                                                      balance_after_cents, idempotency_key, order_no, store_id, staff_member_id, created_at)
                            VALUES (?, 'PAY', ?, ?, 0, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement purchase = c.prepareStatement("""
                            INSERT INTO counter_purchase (store_id, order_no, member_id, amount_cents, points_awarded, staff_member_id, created_at)
                            VALUES (?, ?, ?, ?, 0, ?, ?)""")) {
                lock.setLong(1, member);
                long balance;
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    balance = row.getLong(1) + row.getLong(2);
                }
                update.setLong(1, cents);
                update.setTimestamp(2, now);
                update.setLong(3, member);
                update.executeUpdate();
                entry.setLong(1, member);
                entry.setLong(2, -cents);
                entry.setLong(3, -cents);
                entry.setLong(4, balance - cents);
                entry.setString(5, "pay:" + store + ":" + orderNo);
                entry.setString(6, orderNo);
                entry.setLong(7, store);
                entry.setLong(8, cashier);
                entry.setTimestamp(9, now);
                entry.executeUpdate();
                purchase.setLong(1, store);
                purchase.setString(2, orderNo);
                purchase.setLong(3, member);
                purchase.setLong(4, cents);
                purchase.setLong(5, cashier);
                purchase.setTimestamp(6, now);
                purchase.executeUpdate();
            }
        });
    }
}
