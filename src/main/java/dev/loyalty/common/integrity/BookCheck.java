package dev.loyalty.common.integrity;

import java.util.List;
import java.util.Map;

/**
 * One module's proof that its books add up: the module that owns a table checks it (points accounts, wallets,
 * coupon templates, rebates), and the nightly {@code integrity-check} job walks every check a batch at a time.
 * A check reads its rows in id order, {@code limit} at a time after {@code afterId}, with one grouped query per
 * table and batch, so neither all rows nor all ledger rows are ever held at once.
 */
public interface BookCheck {

    /** What it checks, for the run's counts: {@code points}, {@code wallets}, {@code couponTemplates}, {@code rebates}. */
    String name();

    /** Checks the next at most {@code limit} rows with ids above {@code afterId}. */
    Batch check(long afterId, int limit);

    /** A whole number from a row a grouped query answered as a map (column labels are lower case, or upper on some drivers). */
    static long number(Map<String, Object> row, String column) {
        Object value = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * What one batch found: how many rows it checked (0: none left; the last batch may still carry drift, such as
     * ledger rows of members above every account), the last id it checked, and the drift.
     */
    record Batch(int checked, long lastId, List<Drift> drift) {

        public static Batch none() {
            return new Batch(0, 0, List.of());
        }
    }
}
