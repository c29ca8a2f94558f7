package dev.loyalty.wallet;

import java.time.Instant;
import java.util.List;

/** A member's top-ups paid with WeChat Pay and their cash-outs, each with the refunds it made. */
public record WalletPayHistory(List<TopUpOrderView> topUpOrders, List<CashOut> cashOuts) {

    public record CashOut(Instant at, long principalCents, long bonusForfeitedCents, long cashCents,
            List<CashOutView.Refund> refunds) {
    }
}
