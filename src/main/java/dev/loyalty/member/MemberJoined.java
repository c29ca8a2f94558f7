package dev.loyalty.member;

/** A member was created at their first login; published after the member's row is written, outside any transaction. */
public record MemberJoined(long memberId) {
}
