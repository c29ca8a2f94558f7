package dev.loyalty.wallet;

/** What all wallets hold: principal (cash members paid in) and bonus apart. */
public record WalletTotals(long principalCents, long bonusCents) {

    public long totalCents() {
        return principalCents + bonusCents;
    }
}
