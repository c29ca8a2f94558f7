package dev.loyalty.member;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member as operators list them: the profile, when they joined and where the segment job put them, and
 * whether they deleted their account ({@code status} DELETED, {@code deletedAt}).
 */
public record MemberListing(MemberProfile profile, Instant joinedAt, Segment segment, LocalDate lastActiveOn,
        MemberStatus status, Instant deletedAt) {
}
