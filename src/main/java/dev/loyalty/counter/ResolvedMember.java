package dev.loyalty.counter;

import dev.loyalty.member.MemberProfile;

/** Who is behind a scanned member code, with their balances: what staff and tills see before they act. */
public record ResolvedMember(long memberId, String nickname, MemberProfile.Level level, long pointsBalance,
        long walletBalanceCents) {
}
