package dev.loyalty.wallet;

import dev.loyalty.counter.WalletBalances;
import org.springframework.stereotype.Component;

/** The wallet balance the counter shows with a scanned member. */
@Component
class CounterWalletBalances implements WalletBalances {

    private final WalletService wallets;

    CounterWalletBalances(WalletService wallets) {
        this.wallets = wallets;
    }

    @Override
    public long balanceCents(long memberId) {
        return wallets.wallet(memberId).balanceCents();
    }
}
