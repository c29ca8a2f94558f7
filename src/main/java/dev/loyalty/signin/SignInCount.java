package dev.loyalty.signin;

/** How many sign-ins a window saw, and how many members made them. */
public record SignInCount(long signIns, long members) {
}
