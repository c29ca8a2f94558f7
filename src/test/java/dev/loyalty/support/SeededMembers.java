package dev.loyalty.support;

import dev.loyalty.points.PointsMovement;
import dev.loyalty.points.PointsService;
import dev.loyalty.points.PointsSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Members made straight in the table, each given points through the module API: a crowd for a race. */
public final class SeededMembers {

    private SeededMembers() {
    }

    public static List<Long> withPoints(JdbcTemplate jdbc, PointsService points, int n, long amount) {
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = "seeded-" + UUID.randomUUID().toString().substring(0, 12);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jdbc.update("INSERT INTO member (openid, level_code, growth, created_at, updated_at) VALUES (?, 'BASE', 0, ?, ?)",
                    prefix + "-" + i, now, now);
            long id = jdbc.queryForObject("SELECT id FROM member WHERE openid = ?", Long.class, prefix + "-" + i);
            if (amount > 0) {
                points.earn(new PointsMovement(id, amount, PointsSource.ADMIN, "seed:" + id, null, null));
            }
            ids.add(id);
        }
        return ids;
    }
}
