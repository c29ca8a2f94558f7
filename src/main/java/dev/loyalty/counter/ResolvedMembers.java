package dev.loyalty.counter;

import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsService;
import org.springframework.stereotype.Service;

/** Resolves a scanned member code to the member and their balances, for staff and tills alike; spends nothing. */
@Service
public class ResolvedMembers {

    private final CounterService counter;
    private final MemberService members;
    private final PointsService points;
    private final WalletBalances wallets;

    ResolvedMembers(CounterService counter, MemberService members, PointsService points, WalletBalances wallets) {
        this.counter = counter;
        this.members = members;
        this.points = points;
        this.wallets = wallets;
    }

    public ResolvedMember resolve(String memberCode) {
        long memberId = counter.resolveMemberCode(memberCode);
        MemberProfile member = members.profile(memberId);
        return new ResolvedMember(memberId, member.nickname(), member.level(), points.balance(memberId),
                wallets.balanceCents(memberId));
    }
}
