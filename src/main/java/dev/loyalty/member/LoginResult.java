package dev.loyalty.member;

import java.time.Instant;

/** A member logged in: their token, and whether this login created them. */
public record LoginResult(String token, Instant expiresAt, boolean created, MemberProfile member) {
}
