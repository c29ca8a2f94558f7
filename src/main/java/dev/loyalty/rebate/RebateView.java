package dev.loyalty.rebate;

/** A settled rebate; {@code policyVersion} is the policy version it was settled with (null: before versions). */
public record RebateView(long id, long memberId, String period, long spentCents, int ratePercent, long rebateCents,
        String status, RebatePolicyView.CreditAs creditedAs, String rejectReason, Long policyVersion, boolean capped) {
}
