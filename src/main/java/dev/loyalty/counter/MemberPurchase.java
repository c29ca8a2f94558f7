package dev.loyalty.counter;

import java.time.Instant;

/** One purchase at a counter as reports read it: the member, when, and the amount less what was refunded. */
public record MemberPurchase(long memberId, Instant at, long netCents) {
}
