package dev.loyalty.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.LoyaltyApplication;
import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LoyaltyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--loyalty.jobs.scheduled=false", "--loyalty.rate-limit.enabled=false",
                        "--spring.datasource.hikari.maximum-pool-size=" + threads,
                        "--logging.level.root=WARN")) {
            Environment env = app.getEnvironment();
            System.out.printf("database %s, %d members, %d threads, %d earns each way%n",
                    env.getProperty("spring.datasource.url"), members, threads, earns);
            DataSource dataSource = app.getBean(DataSource.class);
            long firstMember = createMembers(dataSource, members, run);
            PointsService points = app.getBean(PointsService.class);

            warmUp(points, firstMember, run);
            LatencyRecorder service = new LatencyRecorder(earns);
            long serviceWall = timed(threads, earns, i -> {
                long member = firstMember + ThreadLocalRandom.current().nextInt(members);
                long started = System.nanoTime();
                points.earn(new PointsMovement(member, 10, PointsSource.PURCHASE, "bench:" + run + ":" + i, null, null));
                service.record(System.nanoTime() - started);
            });

            LatencyRecorder bare = new LatencyRecorder(earns);
            try (HikariDataSource pool = barePool(env, threads)) {
                long bareWall = timed(threads, earns, i -> {
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

    private static long createMembers(DataSource dataSource, int members, String run) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO member (openid, level_code, growth, created_at, updated_at) VALUES (?, 'BASE', 0, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            Timestamp now = Timestamp.from(Instant.now());
            long first = -1;
            for (int i = 0; i < members; i++) {
                insert.setString(1, "bench-" + run + "-" + i);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    if (first < 0) {
                        first = keys.getLong(1);
                    }
                }
            }
            return first;
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
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement account = c.prepareStatement(
                    "UPDATE points_account SET balance = balance + 10, total_earned = total_earned + 10 WHERE member_id = ?");
                    PreparedStatement entry = c.prepareStatement("""
                            INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                            VALUES (?, 10, 0, 'EARN', 'PURCHASE', ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS);
                    PreparedStatement lot = c.prepareStatement("""
                            INSERT INTO points_lot (member_id, entry_id, amount, remaining, earned_at, expires_at)
                            VALUES (?, ?, 10, 10, ?, ?)""")) {
                account.setLong(1, member);
                account.executeUpdate();
                entry.setLong(1, member);
                entry.setString(2, key);
                entry.setTimestamp(3, now);
                entry.executeUpdate();
                long entryId;
                try (var keys = entry.getGeneratedKeys()) {
                    keys.next();
                    entryId = keys.getLong(1);
                }
                lot.setLong(1, member);
                lot.setLong(2, entryId);
                lot.setTimestamp(3, now);
                lot.setTimestamp(4, now);
                lot.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource barePool(Environment env, int threads) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.getProperty("spring.datasource.url"));
        config.setUsername(env.getProperty("spring.datasource.username"));
        config.setPassword(env.getProperty("spring.datasource.password", ""));
        config.setMaximumPoolSize(threads);
        return new HikariDataSource(config);
    }

    private static long timed(int threads, int operations, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                    operation.accept((int) i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long wall = System.nanoTime() - started;
        pool.shutdown();
        return wall;
    }

    @FunctionalInterface
    private interface IntConsumer {
        void accept(int i) throws Exception;
    }
}
