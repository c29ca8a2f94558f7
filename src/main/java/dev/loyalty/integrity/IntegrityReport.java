package dev.loyalty.integrity;

import dev.loyalty.common.integrity.Drift;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last completed integrity check: when it finished ({@code checkedAt}, null before the first run), how many
 * rows it checked in all ({@code accounts}: points accounts, wallets, coupon templates and rebates) and per check
 * ({@code checked}), how much drift it found ({@code driftCount}), and the first 1,000 of it ({@code drift}).
 */
public record IntegrityReport(Instant checkedAt, long accounts, Map<String, Long> checked, long driftCount,
        List<Drift> drift) {

    static IntegrityReport none() {
        return new IntegrityReport(null, 0, Map.of(), 0, List.of());
    }
}
