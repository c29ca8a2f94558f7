package dev.loyalty.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checks a member's wallet straight from the tables: every cent of principal and bonus is explained by the ledger. */
public final class WalletBooks {

    private WalletBooks() {
    }

    /**
     * Principal and bonus equal the sums of the member's ledger rows and are not negative, each row's delta is its
     * principal and bonus parts, and each row's balance-after runs on from the one before.
     */
    public static void assertBalanced(JdbcTemplate jdbc, long memberId) {
        Map<String, Object> account = jdbc.queryForMap("SELECT * FROM wallet_account WHERE member_id = ?", memberId);
        Map<String, Object> ledger = jdbc.queryForMap("""
                SELECT COALESCE(SUM(principal_delta_cents), 0) AS p, COALESCE(SUM(bonus_delta_cents), 0) AS b,
                       COALESCE(SUM(delta_cents), 0) AS d FROM wallet_entry WHERE member_id = ?""", memberId);
        long principal = ((Number) account.get("principal_cents")).longValue();
        long bonus = ((Number) account.get("bonus_cents")).longValue();
        assertThat(((Number) ledger.get("p")).longValue()).as("principal = sum of the ledger").isEqualTo(principal);
        assertThat(((Number) ledger.get("b")).longValue()).as("bonus = sum of the ledger").isEqualTo(bonus);
        assertThat(((Number) ledger.get("d")).longValue()).isEqualTo(principal + bonus);
        assertThat(principal).isNotNegative();
        assertThat(bonus).isNotNegative();
        long running = 0;
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT id, delta_cents, principal_delta_cents, bonus_delta_cents, balance_after_cents
                  FROM wallet_entry WHERE member_id = ? ORDER BY id""", memberId)) {
            long delta = ((Number) row.get("delta_cents")).longValue();
            assertThat(delta).as("row %s: delta = principal + bonus parts", row.get("id"))
                    .isEqualTo(((Number) row.get("principal_delta_cents")).longValue() + ((Number) row.get("bonus_delta_cents")).longValue());
            running += delta;
            assertThat(((Number) row.get("balance_after_cents")).longValue()).isEqualTo(running);
        }
    }
}
