package dev.loyalty.rebate;

import java.util.List;

/**
 * What a period settled to, for an auditor: by tier of the policy version in force at the period's end, by
 * status, the total (the sum of the period's rebate rows) and how many members the cap cut.
 */
public record RebateReport(String period, Long policyVersion, List<TierLine> tiers, List<StatusLine> statuses,
        long totalCents, long cappedMembers) {

    public record TierLine(long thresholdCents, int ratePercent, long members, long spentCents, long rebateCents) {
    }

    public record StatusLine(String status, long count, long rebateCents) {
    }

    static final List<String> CSV_HEADER = List.of("period", "policyVersion", "line", "thresholdCents", "ratePercent",
            "status", "members", "spentCents", "rebateCents");

    /** One table: a line per tier, per status, the capped members and the total. */
    public String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
        String head = period + "," + (policyVersion == null ? "" : policyVersion) + ",";
        long spent = 0;
        for (TierLine t : tiers) {
            csv.append(head).append("tier,").append(t.thresholdCents()).append(',').append(t.ratePercent()).append(",,")
                    .append(t.members()).append(',').append(t.spentCents()).append(',').append(t.rebateCents()).append("\r\n");
            spent += t.spentCents();
        }
        long members = 0;
        for (StatusLine s : statuses) {
            csv.append(head).append("status,,,").append(s.status()).append(',').append(s.count()).append(",,")
                    .append(s.rebateCents()).append("\r\n");
            members += s.count();
        }
        csv.append(head).append("capped,,,,").append(cappedMembers).append(",,\r\n");
        csv.append(head).append("total,,,,").append(members).append(',').append(spent).append(',').append(totalCents)
                .append("\r\n");
        return csv.toString();
    }
}
