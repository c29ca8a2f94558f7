package dev.loyalty.rebate;

public record RebateView(long id, long memberId, String period, long spentCents, int ratePercent, long rebateCents,
        String status, RebatePolicyView.CreditAs creditedAs, String rejectReason) {
}
