package dev.loyalty.counter;

/**
 * A member's stored-value balance, which the wallet module keeps and answers: the counter shows it with a scanned
 * member, but cannot depend on the wallet, which depends on the counter.
 */
public interface WalletBalances {

    long balanceCents(long memberId);
}
