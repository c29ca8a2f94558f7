package dev.loyalty.points;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's points as the member sees them. Points past their expiry are never in {@code balance},
 * even before the expiry job has written their EXPIRE rows.
 */
public record PointsSummary(long balance, long totalEarned, long totalSpent, long totalExpired,
        List<Expiring> expiring) {

    /** {@code amount} points are usable until the end of {@code expiresAt} (business zone). */
    public record Expiring(LocalDate expiresAt, long amount) {
    }
}
