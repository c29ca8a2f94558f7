package dev.loyalty.common.integrity;

/**
 * One place where the books disagree with themselves: of {@code kind} (such as {@code POINTS_BALANCE}), on the
 * row {@code id} (a member's account, a coupon template, a rebate), what the ledger says it should be and what
 * it is, and a short sentence saying so.
 */
public record Drift(String kind, long id, long expected, long actual, String what) {
}
