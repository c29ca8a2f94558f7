package dev.loyalty.campaign.internal;

/** What a grant did for one member: gave everything it grants, gave nothing because a rule refused, or broke. */
public enum GrantOutcome {
    ISSUED, SKIPPED, FAILED
}
