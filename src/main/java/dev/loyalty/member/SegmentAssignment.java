package dev.loyalty.member;

import java.time.LocalDate;

/** One member's segment as the segment job computed it, with the last day they were active. */
public record SegmentAssignment(long memberId, Segment segment, LocalDate lastActiveOn) {
}
