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
import org.springframework.core.env.Environment;

/** What the benchmarks share: members made in bulk, a bare connection pool, and a timed parallel loop. */
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

    static HikariDataSource barePool(Environment env, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.getProperty("spring.datasource.url"));
        config.setUsername(env.getProperty("spring.datasource.username"));
        config.setPassword(env.getProperty("spring.datasource.password", ""));
        config.setMaximumPoolSize(size);
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

    @FunctionalInterface
    interface Operation {
        void run(int i) throws Exception;
    }
}
