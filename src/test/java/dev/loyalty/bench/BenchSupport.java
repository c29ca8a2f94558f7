package dev.loyalty.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** What the benchmarks share: members made one by one, a bare connection pool, a timed parallel loop, bare writes. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** Inserts {@code count} members straight into the table; answers their ids. */
    static List<Long> createMembers(DataSource dataSource, int count, String run) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO member (openid, level_code, growth, created_at, updated_at) VALUES (?, 'BASE', 0, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                insert.setString(1, "bench-" + run + "-" + i);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * A pool of {@code size} connections to {@code jdbcUrl} with the app's driver settings (the mysql profile's),
     * so that a bare JDBC floor makes the round trips the app's driver would make, and no more.
     */
    static HikariDataSource barePool(String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root"));
        config.setPassword(System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        config.setMaximumPoolSize(size);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("useLocalSessionState", "true");
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("prepStmtCacheSize", "250");
        config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        return new HikariDataSource(config);
    }

    /** Runs {@code operations} calls of {@code operation} on {@code threads} threads; answers the wall time in ns. */
    static long timed(int threads, int operations, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                    operation.run((int) i);
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

    /** The app in this JVM without a web server, against the database the environment names, with limits off. */
    static org.springframework.context.ConfigurableApplicationContext startApp() {
        return new org.springframework.boot.builder.SpringApplicationBuilder(dev.loyalty.LoyaltyApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run("--loyalty.jobs.scheduled=false", "--loyalty.rate-limit.enabled=false",
                        "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 20),
                        "--logging.level.root=WARN");
    }

    /** Runs {@code work} in one bare JDBC transaction. */
    static void inTransaction(DataSource pool, SqlWork work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger row and lot of an earning of {@code amount} points, as bare JDBC. */
    static void insertEarning(Connection c, long member, long amount, String source, String key, Timestamp now)
            throws SQLException {
        try (PreparedStatement entry = c.prepareStatement("""
                INSERT INTO points_entry (member_id, delta, balance_after, type, source, idempotency_key, created_at)
                VALUES (?, ?, ?, 'EARN', ?, ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS);
                PreparedStatement lot = c.prepareStatement("""
                        INSERT INTO points_lot (member_id, entry_id, amount, remaining, earned_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            entry.setLong(1, member);
            entry.setLong(2, amount);
            entry.setLong(3, amount);
            entry.setString(4, source);
            entry.setString(5, key);
            entry.setTimestamp(6, now);
            entry.executeUpdate();
            long entryId;
            try (var keys = entry.getGeneratedKeys()) {
                keys.next();
                entryId = keys.getLong(1);
            }
            lot.setLong(1, member);
            lot.setLong(2, entryId);
            lot.setLong(3, amount);
            lot.setLong(4, amount);
            lot.setTimestamp(5, now);
            lot.setTimestamp(6, now);
            lot.executeUpdate();
        }
    }

    @FunctionalInterface
    interface Operation {
        void run(int i) throws Exception;
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }
}
