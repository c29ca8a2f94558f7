package dev.loyalty.me;

import dev.loyalty.common.security.Actor;
import dev.loyalty.counter.CounterService;
import dev.loyalty.counter.ResolveRequest;
import dev.loyalty.counter.StaffGate;
import dev.loyalty.member.MemberProfile;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsService;
import dev.loyalty.wallet.WalletService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What staff see of a member whose code they scanned: who it is and their balances. */
@Tag(name = "Staff")
@RestController
class StaffResolveController {

    private final CounterService counter;
    private final StaffGate gate;
    private final MemberService members;
    private final PointsService points;
    private final WalletService wallets;

    StaffResolveController(CounterService counter, StaffGate gate, MemberService members, PointsService points,
            WalletService wallets) {
        this.counter = counter;
        this.gate = gate;
        this.members = members;
        this.points = points;
        this.wallets = wallets;
    }

    @Operation(summary = "Who is behind a scanned member code")
    @PostMapping("/api/staff/members/resolve")
    ResolvedMember resolve(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ResolveRequest request) {
        gate.enter(actor);
        long memberId = counter.resolveMemberCode(request.memberCode());
        MemberProfile member = members.profile(memberId);
        return new ResolvedMember(memberId, member.nickname(), member.level(), points.balance(memberId),
                wallets.wallet(memberId).balanceCents());
    }

    record ResolvedMember(long memberId, String nickname, MemberProfile.Level level, long pointsBalance,
            long walletBalanceCents) {
    }
}
