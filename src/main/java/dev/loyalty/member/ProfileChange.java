package dev.loyalty.member;

import java.time.LocalDate;

/** What a member may change about themselves; null fields stay as they are. */
public record ProfileChange(String nickname, String avatarUrl, LocalDate birthday) {
}
