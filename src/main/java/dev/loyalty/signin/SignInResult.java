package dev.loyalty.signin;

import java.time.LocalDate;

/**
 * A sign-in (or makeup): the date, the streak through it, the points it earned ({@code bonusPoints} of them
 * for the streak), and whether the call found the date already signed.
 */
public record SignInResult(LocalDate date, int streak, long points, long bonusPoints, boolean alreadySignedIn) {
}
