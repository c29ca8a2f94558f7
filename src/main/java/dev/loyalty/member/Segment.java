package dev.loyalty.member;

/**
 * Where a member stands, recomputed daily by the member-segments job (see the README for the windows).
 * When several fit, the first in this order wins.
 */
public enum Segment {
    /** Among the top spenders of the spend window, and active in the activity window. */
    HIGH_VALUE,
    /** Joined within the new-member window. */
    NEW,
    /** Nothing (no sign-in, purchase or joining) within the dormant window. */
    DORMANT,
    /** Active before, but nothing within the activity window. */
    AT_RISK,
    /** Everyone else. */
    REGULAR
}
