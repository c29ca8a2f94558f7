package dev.loyalty.common.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for readiness ({@code /readyz}): DOWN while no connection can be had and
 * checked, UP again as soon as one can. A pool whose every connection is busy serving requests is UP
 * without being asked for one more: a saturated instance is still a working one, and taking it out of
 * the load balancer would only move its load onto the others.
 */
@Component("database")
class DatabaseReachability implements HealthIndicator {

    private static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseReachability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        HikariPoolMXBean pool = dataSource instanceof HikariDataSource hikari ? hikari.getHikariPoolMXBean() : null;
        if (pool != null && pool.getActiveConnections() > 0 && pool.getIdleConnections() == 0) {
            return Health.up().withDetail("pool", "busy: every connection is serving a request").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS) ? Health.up().build()
                    : Health.down().withDetail("error", "the connection did not answer within 1 s").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
