package dev.loyalty.rebate.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import dev.loyalty.common.integrity.BookCheck;
import dev.loyalty.common.integrity.Drift;
import dev.loyalty.points.KeyedPoints;
import dev.loyalty.points.PointsService;
import dev.loyalty.wallet.KeyedWalletEntry;
import dev.loyalty.wallet.WalletService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code REBATE_CREDIT}: every rebate is credited once, or not at all. A rebate is credited under the key
 * {@code rebate:<id>} in the transaction that marks it CREDITED, so:
 * <ul>
 * <li>CREDITED as WALLET: exactly one wallet ledger row under its key, of its member, adding its cents as bonus
 * (and no principal), and no points row;</li>
 * <li>CREDITED as POINTS: exactly one points ledger row under its key, of its member, adding points (none only
 * when its cents earn no whole point at the rule in force), and no wallet row;</li>
 * <li>PENDING or REJECTED: no ledger row under its key in either ledger.</li>
 * </ul>
 * The keys are unique in each ledger, so "exactly one" is "one is there".
 */
@Component
class RebateBookCheck implements BookCheck {

    private final RebateMapper rebates;
    private final WalletService wallets;
    private final PointsService points;

    RebateBookCheck(RebateMapper rebates, WalletService wallets, PointsService points) {
        this.rebates = rebates;
        this.wallets = wallets;
        this.points = points;
    }

    @Override
    public String name() {
        return "rebates";
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Batch check(long afterId, int limit) {
        List<Rebate> batch = rebates.selectList(new LambdaQueryWrapper<Rebate>()
                .select(Rebate::getId, Rebate::getMemberId, Rebate::getStatus, Rebate::getCreditAs, Rebate::getRebateCents)
                .gt(Rebate::getId, afterId).orderByAsc(Rebate::getId).last("LIMIT " + limit));
        if (batch.isEmpty()) {
            return Batch.none();
        }
        List<String> keys = batch.stream().map(RebateBookCheck::keyOf).toList();
        Map<String, KeyedWalletEntry> inWallets = wallets.entriesByKey(keys);
        Map<String, KeyedPoints> inPoints = points.entriesByKey(keys);
        long pointsPerYuan = points.rule().pointsPerYuan();
        List<Drift> drift = new ArrayList<>();
        for (Rebate rebate : batch) {
            String key = keyOf(rebate);
            KeyedWalletEntry wallet = inWallets.get(key);
            KeyedPoints point = inPoints.get(key);
            int found = (wallet == null ? 0 : 1) + (point == null ? 0 : 1);
            long id = rebate.getId();
            if (!"CREDITED".equals(rebate.getStatus())) {
                if (found > 0) {
                    drift.add(new Drift("REBATE_CREDIT", id, 0, found, "rebate " + id + " is " + rebate.getStatus()
                            + " but " + (wallet != null ? "the wallet" : "the points") + " ledger credits it"));
                }
                continue;
            }
            boolean asWallet = "WALLET".equals(rebate.getCreditAs());
            boolean mayEarnNothing = !asWallet && rebate.getRebateCents() * pointsPerYuan / 100 == 0;
            int expected = mayEarnNothing && point == null ? 0 : 1;
            boolean credited = asWallet ? wallet != null : point != null || mayEarnNothing;
            boolean strayRow = asWallet ? point != null : wallet != null;
            if (!credited || strayRow) {
                drift.add(new Drift("REBATE_CREDIT", id, expected, found, "rebate " + id + " is CREDITED as "
                        + rebate.getCreditAs() + " but " + (credited ? "the " + (asWallet ? "points" : "wallet")
                        + " ledger credits it too" : "no " + (asWallet ? "wallet" : "points") + " ledger row credits it")));
            } else if (wallet != null && (wallet.memberId() != rebate.getMemberId() || wallet.principalCents() != 0
                    || wallet.bonusCents() != rebate.getRebateCents())) {
                drift.add(new Drift("REBATE_CREDIT", id, rebate.getRebateCents(), wallet.bonusCents(), "rebate " + id
                        + " of member " + rebate.getMemberId() + " is " + rebate.getRebateCents() + " cents; its wallet row credits "
                        + wallet.bonusCents() + " cents of bonus and " + wallet.principalCents() + " of principal to member "
                        + wallet.memberId()));
            } else if (point != null && (point.memberId() != rebate.getMemberId() || point.delta() <= 0)) {
                drift.add(new Drift("REBATE_CREDIT", id, rebate.getMemberId(), point.memberId(), "rebate " + id
                        + " of member " + rebate.getMemberId() + "; its points row moves " + point.delta()
                        + " points of member " + point.memberId()));
            }
        }
        return new Batch(batch.size(), batch.get(batch.size() - 1).getId(), drift);
    }

    private static String keyOf(Rebate rebate) {
        return "rebate:" + rebate.getId();
    }
}
