package dev.loyalty.member;

/**
 * WeChat told the member's unionid (their id across the brand's apps bound to one Open Platform
 * account): at their first login or a later one. Followers of the official account with the same unionid
 * are this member.
 */
public record MemberIdentified(long memberId, String unionid) {
}
