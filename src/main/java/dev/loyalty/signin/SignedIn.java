package dev.loyalty.signin;

import java.time.LocalDate;

/** A member signed in (or made up) a date; published inside the transaction. */
public record SignedIn(long memberId, LocalDate date, int streak, long points, boolean makeup) {
}
