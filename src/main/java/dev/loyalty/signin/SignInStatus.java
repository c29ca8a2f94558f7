package dev.loyalty.signin;

/** Whether the member signed in today, and their current streak (alive while they signed today or yesterday). */
public record SignInStatus(boolean signedToday, int streak) {
}
