package dev.loyalty.signin;

import java.time.Instant;
import java.time.LocalDate;

/** One sign-in (or makeup) of a member, with what it earned and the points ledger row that paid it. */
public record SignInLine(long id, LocalDate date, int streak, long points, long bonusPoints, boolean makeup,
        long makeupCost, Long pointsEntryId, Instant createdAt) {
}
