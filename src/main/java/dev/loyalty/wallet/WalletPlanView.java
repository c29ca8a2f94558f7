package dev.loyalty.wallet;

/** Pay {@code payCents}, get {@code bonusCents} more. */
public record WalletPlanView(long id, String name, long payCents, long bonusCents, boolean enabled) {
}
