package dev.loyalty.member;

/** A member moved to another level at {@code at}; published inside the transaction of the growth that did it. */
public record LevelChanged(long memberId, String fromCode, String toCode, String toName, long growth,
        java.time.Instant at) {
}
