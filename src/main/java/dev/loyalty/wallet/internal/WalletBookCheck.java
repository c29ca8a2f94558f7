package dev.loyalty.wallet.internal;

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
 * Every wallet checked against its ledger, which is the truth:
 * <ul>
 * <li>{@code WALLET_PRINCIPAL}: the wallet's principal = Σ its ledger rows' principal deltas;</li>
 * <li>{@code WALLET_BONUS}: its bonus = Σ their bonus deltas (ledger rows of a member without a wallet count
 * against 0);</li>
 * <li>{@code WALLET_CHAIN}: every ledger row's delta = principal delta + bonus delta, and its balance_after = the
 * previous row's balance_after (of the member, in id order; 0 before the first) + its delta; one drift per
 * wallet, at its first break.</li>
 * </ul>
 */
@Component
class WalletBookCheck implements BookCheck {

    private final WalletCheckMapper check;

    WalletBookCheck(WalletCheckMapper check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "wallets";
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Batch check(long afterId, int limit) {
        List<WalletAccount> wallets = check.walletsAfter(afterId, limit);
        // past the last wallet, one more batch: ledger rows of members above every wallet, who have none at all
        long last = wallets.isEmpty() ? Long.MAX_VALUE : wallets.get(wallets.size() - 1).getMemberId();
        Map<Long, Map<String, Object>> ledger = new HashMap<>();
        check.ledgerSums(afterId, last).forEach(row -> ledger.put(BookCheck.number(row, "member_id"), row));
        if (wallets.isEmpty() && ledger.isEmpty()) {
            return Batch.none();
        }
        Map<Long, WalletAccount> byMember = new HashMap<>();
        wallets.forEach(w -> byMember.put(w.getMemberId(), w));
        TreeSet<Long> members = new TreeSet<>(byMember.keySet());
        members.addAll(ledger.keySet());
        List<Drift> drift = new ArrayList<>();
        for (long member : members) {
            WalletAccount wallet = byMember.get(member);
            Map<String, Object> sums = ledger.getOrDefault(member, Map.of());
            long principal = BookCheck.number(sums, "principal");
            long bonus = BookCheck.number(sums, "bonus");
            long heldPrincipal = wallet == null ? 0 : wallet.getPrincipalCents();
            long heldBonus = wallet == null ? 0 : wallet.getBonusCents();
            String whose = wallet == null ? "member " + member + " has wallet ledger rows but no wallet; "
                    : "member " + member + "'s wallet ";
            if (heldPrincipal != principal) {
                drift.add(new Drift("WALLET_PRINCIPAL", member, principal, heldPrincipal, whose + "holds " + heldPrincipal
                        + " cents of principal, its ledger sums to " + principal));
            }
            if (heldBonus != bonus) {
                drift.add(new Drift("WALLET_BONUS", member, bonus, heldBonus, whose + "holds " + heldBonus
                        + " cents of bonus, its ledger sums to " + bonus));
            }
        }
        drift.addAll(chainBreaks(check.chainBreaks(afterId, last)));
        return new Batch(wallets.size(), last, drift);
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
            long id = BookCheck.number(row, "id");
            long delta = BookCheck.number(row, "delta");
            long parts = BookCheck.number(row, "principal") + BookCheck.number(row, "bonus");
            long before = BookCheck.number(row, "prev_after");
            long after = BookCheck.number(row, "balance_after");
            String more = count.get(member) > 1 ? " (" + count.get(member) + " breaks in all)" : "";
            drift.add(delta != parts
                    ? new Drift("WALLET_CHAIN", member, parts, delta, "member " + member + "'s wallet ledger row " + id
                            + " moves " + delta + " cents, its principal and bonus " + parts + more)
                    : new Drift("WALLET_CHAIN", member, before + delta, after, "member " + member + "'s wallet ledger row "
                            + id + " says balance " + after + " after " + delta + ", the row before says " + before + more));
        });
        return drift;
    }
}
