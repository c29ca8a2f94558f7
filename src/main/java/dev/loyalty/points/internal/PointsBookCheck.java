package dev.loyalty.points.internal;

import dev.loyalty.common.integrity.BookCheck;
import dev.loyalty.common.integrity.Drift;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points books of every account, checked against the ledger, which is the truth:
 * <ul>
 * <li>{@code POINTS_BALANCE}: the account's balance = Σ its ledger deltas (ledger rows of a member without an
 * account count against a balance of 0);</li>
 * <li>{@code POINTS_TOTALS}: total earned − total spent − total expired = Σ its ledger deltas;</li>
 * <li>{@code POINTS_LOTS}: Σ remaining of its lots (expired ones not yet written off included: the stored
 * balance still holds them) = max(0, Σ ledger deltas); a balance in debt holds no lots;</li>
 * <li>{@code POINTS_CHAIN}: every ledger row's balance_after = the previous row's balance_after (of the member,
 * in id order; 0 before the first) + its delta; one drift per account, at its first break.</li>
 * </ul>
 * One snapshot per batch (REPEATABLE READ), so a movement committing meanwhile never shows as drift.
 */
@Component
class PointsBookCheck implements BookCheck {

    private final PointsCheckMapper check;

    PointsBookCheck(PointsCheckMapper check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Batch check(long afterId, int limit) {
        List<PointsAccount> accounts = check.accountsAfter(afterId, limit);
        // past the last account, one more batch: ledger rows of members above every account, who have none at all
        long last = accounts.isEmpty() ? Long.MAX_VALUE : accounts.get(accounts.size() - 1).getMemberId();
        Map<Long, Long> ledger = sums(check.ledgerSums(afterId, last));
        if (accounts.isEmpty() && ledger.isEmpty()) {
            return Batch.none();
        }
        Map<Long, Long> lots = sums(check.lotSums(afterId, last));
        Map<Long, PointsAccount> byMember = new HashMap<>();
        accounts.forEach(a -> byMember.put(a.getMemberId(), a));
        List<Drift> drift = new ArrayList<>();
        TreeSet<Long> members = new TreeSet<>(byMember.keySet());
        members.addAll(ledger.keySet());
        for (long member : members) {
            PointsAccount account = byMember.get(member);
            long sum = ledger.getOrDefault(member, 0L);
            long balance = account == null ? 0 : account.getBalance();
            if (balance != sum) {
                drift.add(new Drift("POINTS_BALANCE", member, sum, balance, account == null
                        ? "member " + member + " has points ledger rows summing to " + sum + " but no points account"
                        : "member " + member + "'s points balance is " + balance + ", its ledger sums to " + sum));
            }
            if (account == null) {
                continue;
            }
            long totals = account.getTotalEarned() - account.getTotalSpent() - account.getTotalExpired();
            if (totals != sum) {
                drift.add(new Drift("POINTS_TOTALS", member, sum, totals, "member " + member + "'s earned − spent − expired is "
                        + totals + ", its ledger sums to " + sum));
            }
            long inLots = lots.getOrDefault(member, 0L);
            if (inLots != Math.max(0, sum)) {
                drift.add(new Drift("POINTS_LOTS", member, Math.max(0, sum), inLots, "member " + member + "'s lots hold "
                        + inLots + " points, its ledger sums to " + sum));
            }
        }
        drift.addAll(chainBreaks(check.chainBreaks(afterId, last)));
        return new Batch(accounts.size(), last, drift);
    }

    private static List<Drift> chainBreaks(List<Map<String, Object>> rows) {
        Map<Long, Map<String, Object>> first = new LinkedHashMap<>();
        Map<Long, Integer> count = new HashMap<>();
        for (Map<String, Object> row : rows) {
            long member = BookCheck.number(row, "member_id");
            first.putIfAbsent(member, row);
            count.merge(member, 1, Integer::sum);
        }
        List<Drift> drift = new ArrayList<>();
        first.forEach((member, row) -> {
            long expected = BookCheck.number(row, "prev_after") + BookCheck.number(row, "delta");
            long actual = BookCheck.number(row, "balance_after");
            int breaks = count.get(member);
            drift.add(new Drift("POINTS_CHAIN", member, expected, actual, "member " + member + "'s points ledger row "
                    + BookCheck.number(row, "id") + " says balance " + actual + " after " + BookCheck.number(row, "delta") + ", the row before says "
                    + BookCheck.number(row, "prev_after") + (breaks > 1 ? " (" + breaks + " breaks in all)" : "")));
        });
        return drift;
    }

    private static Map<Long, Long> sums(List<Map<String, Object>> rows) {
        Map<Long, Long> sums = new HashMap<>();
        rows.forEach(row -> sums.put(BookCheck.number(row, "member_id"), BookCheck.number(row, "total")));
        return sums;
    }
}
