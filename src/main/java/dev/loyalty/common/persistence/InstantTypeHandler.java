package dev.loyalty.common.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Instants in DATETIME columns, as the JVM's local date-time: the same value MyBatis' own handler stores
 * through a {@link Timestamp}, but bound as a date-time. Connector/J sends a Timestamp parameter as a
 * TIMESTAMP, and MariaDB stores NULL for one past 2038-01-19 (the end of TIMESTAMP's range) even in a
 * DATETIME column: a coupon valid into 2040 could not be saved.
 *
 * <p>Kept to the microsecond, as the DATETIME(6) columns keep it. MySQL's Connector/J reads MariaDB 10's
 * version as 5.5.5 (the prefix MariaDB announces itself with), takes the server for one without fractional
 * seconds and drops them from every date-time parameter: a campaign created at 10:00:00.500 was stored as
 * 10:00:00, before a member's segment change at 10:00:00.300, and rewarded it. With that driver the
 * date-time goes as the text it would have rendered anyway (its prepared statements are rendered on the
 * client, a date-time as a quoted literal), fraction included.
 */
class InstantTypeHandler extends BaseTypeHandler<Instant> {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final boolean asText;

    /** @param asText bind the date-time as text, for a driver that would drop its fraction (Connector/J) */
    InstantTypeHandler(boolean asText) {
        this.asText = asText;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType) throws SQLException {
        LocalDateTime local = LocalDateTime.ofInstant(parameter, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS);
        if (asText) {
            ps.setString(i, MICROS.format(local));
        } else {
            ps.setObject(i, local);
        }
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toInstant(rs.getTimestamp(columnName));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toInstant(rs.getTimestamp(columnIndex));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toInstant(cs.getTimestamp(columnIndex));
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
