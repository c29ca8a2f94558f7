package dev.loyalty.member;

import java.time.LocalDate;

/** A member as the member and other features see them. */
public record MemberProfile(long id, String nickname, String avatarUrl, LocalDate birthday, Level level,
        String phoneMasked) {

    public record Level(String code, String name) {
    }
}
