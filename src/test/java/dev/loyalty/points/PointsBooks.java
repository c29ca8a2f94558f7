package dev.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks a member's points books straight from the tables: every number must be explained by the ledger. */
public final class PointsBooks {

    private final JdbcTemplate jdbc;

    public PointsBooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long balance(long memberId) {
        Long balance = jdbc.queryForObject("SELECT balance FROM points_account WHERE member_id = ?", Long.class, memberId);
        return balance == null ? 0 : balance;
    }

    public long rows(long memberId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND type = ?", Long.class,
                memberId, type);
    }

    public void assertBalanced(long memberId) {
        Map<String, Object> account = jdbc.queryForMap("SELECT * FROM points_account WHERE member_id = ?", memberId);
        long balance = ((Number) account.get("balance")).longValue();
        long earned = ((Number) account.get("total_earned")).longValue();
        long spent = ((Number) account.get("total_spent")).longValue();
        long expired = ((Number) account.get("total_expired")).longValue();
        long ledgerSum = jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE member_id = ?",
                Long.class, memberId);
        long lotsRemaining = jdbc.queryForObject("SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id = ?",
                Long.class, memberId);
        long badLots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM points_lot WHERE member_id = ? AND (remaining < 0 OR remaining > amount)",
                Long.class, memberId);

        assertThat(ledgerSum).as("balance = sum of the ledger").isEqualTo(balance);
        assertThat(earned - spent - expired).as("balance = earned - spent - expired").isEqualTo(balance);
        assertThat(lotsRemaining).as("points in lots = balance, or 0 in debt").isEqualTo(Math.max(balance, 0));
        assertThat(badLots).as("lots with remaining outside 0..amount").isZero();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT delta, balance_after FROM points_entry WHERE member_id = ? ORDER BY id", memberId);
        long running = 0;
        for (Map<String, Object> row : rows) {
            running += ((Number) row.get("delta")).longValue();
            assertThat(((Number) row.get("balance_after")).longValue()).as("balance_after of each row").isEqualTo(running);
        }
    }
}
