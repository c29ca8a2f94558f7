package dev.loyalty.member;

/**
 * The segment job moved a member into {@code segment} (from another segment, or from none); published inside
 * the transaction that writes it, {@code at} the moment. A member the job leaves where they were publishes nothing.
 */
public record SegmentEntered(long memberId, Segment segment, java.time.Instant at) {
}
