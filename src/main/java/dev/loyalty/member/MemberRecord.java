package dev.loyalty.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the member module holds about one member, for their data export. {@code phone} is in full for the
 * member themself and masked for an operator; the WeChat ids are given to the member only (null for operators).
 */
public record MemberRecord(long id, MemberStatus status, String openid, String unionid, String nickname,
        String avatarUrl, LocalDate birthday, String phone, MemberProfile.Level level, long growth, Segment segment,
        LocalDate lastActiveOn, Instant joinedAt, Instant deletedAt, List<LevelChange> levelChanges) {

    /** A level the member reached, with the growth that took them there. */
    public record LevelChange(long id, String fromCode, String toCode, long growth, Instant at) {
    }
}
