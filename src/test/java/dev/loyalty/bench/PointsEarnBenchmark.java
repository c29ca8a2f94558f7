package dev.loyalty.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Earns points for many members from many threads through {@link PointsService#earn}, then does the
 * same number of bare JDBC transactions with the writes an earning needs (update the account, insert the
 * ledger row, insert the lot), and prints both rates. Run with {@code bench/run points-earn}.
 * Settings (system properties): {@code members} (2000), {@code threads} (32), {@code earns} (20000).
 */
public final class PointsEarnBenchmark {

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 2_000);
        int threads = Integer.getInteger("threads", 32);
        int earns = Integer.getInteger("earns", 20_000);
        String run = Long.toString(System.currentTimeMillis(), 36);

        System.setProperty("pool", Integer.toString(threads));
        try (ConfigurableApplicationContext app = BenchSupport.startApp()) {
            Environment env = app.getEnvironment();
            System.out.printf("database %s, %d members, %d threads, %d earns each way%n",
                    env.getProperty("spring.datasource.url"), members, threads, earns);
            DataSource dataSource = app.getBean(DataSource.class);
            long firstMember = BenchSupport.createMembers(dataSource, members, run).get(0);
            PointsService points = app.getBean(PointsService.class);

            warmUp(points, firstMember, run);
            LatencyRecorder service = new LatencyRecorder(earns);
            long serviceWall = BenchSupport.timed(threads, earns, i -> {
                long member = firstMember + ThreadLocalRandom.current().nextInt(members);
                long started = System.nanoTime();
                points.earn(new PointsMovement(member, 10, PointsSource.PURCHASE, "bench:" + run + ":" + i, null, null));
                service.record(System.nanoTime() - started);
            });

            LatencyRecorder bare = new LatencyRecorder(earns);
            try (HikariDataSource pool = BenchSupport.barePool(env.getProperty("spring.datasource.url"), threads)) {
                long bareWall = BenchSupport.timed(threads, earns, i -> {
                    long member = firstMember + ThreadLocalRandom.current().nextInt(members);
                    long started = System.nanoTime();
                    bareEarn(pool, member, "bare:" + run + ":" + i);
                    bare.record(System.nanoTime() - started);
                });
                System.out.println(service.summary("PointsService.earn", serviceWall));
                System.out.println(bare.summary("bare JDBC (3 writes, 1 tx)", bareWall));
                System.out.printf("ratio: PointsService.earn reaches %.0f%% of the bare JDBC rate%n",
                        100 * service.perSecond(serviceWall) / bare.perSecond(bareWall));
            }
        }
    }

    private static void warmUp(PointsService points, long firstMember, String run) {
        for (int i = 0; i < 500; i++) {
            points.earn(new PointsMovement(firstMember + i % 10, 1, PointsSource.PURCHASE, "warm:" + run + ":" + i, null, null));
        }
    }

    /** The writes an earning needs, with nothing around them: one transaction, three statements. */
    private static void bareEarn(DataSource pool, long member, String key) {
        Timestamp now = Timestamp.from(Instant.now());
        BenchSupport.inTransaction(pool, c -> {
            try (PreparedStatement account = c.prepareStatement(
                    "UPDATE points_account SET balance = balance + 10, total_earned = total_earned + 10 WHERE member_id = ?")) {
                account.setLong(1, member);
                account.executeUpdate();
            }
            BenchSupport.insertEarning(c, member, 10, "PURCHASE", key, now);
        });
    }
}
