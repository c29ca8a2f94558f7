package dev.loyalty.signin.web;

import dev.loyalty.common.error.InvalidRequestException;
import dev.loyalty.common.security.Actor;
import dev.loyalty.member.MemberService;
import dev.loyalty.points.PointsService;
import dev.loyalty.signin.Leaderboard;
import dev.loyalty.signin.SignInService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Member")
@RestController
class LeaderboardController {

    private static final int SIZE = 50;

    private final SignInService signIns;
    private final PointsService points;
    private final MemberService members;

    LeaderboardController(SignInService signIns, PointsService points, MemberService members) {
        this.signIns = signIns;
        this.points = points;
        this.members = members;
    }

    @Operation(summary = "Top 50 by live streak (type=streak) or by points balance (type=points), and my rank")
    @GetMapping("/api/app/leaderboard")
    Leaderboard leaderboard(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "streak") String type) {
        return switch (type) {
            case "streak" -> signIns.streakLeaderboard(actor.id());
            case "points" -> byPoints(actor.id());
            default -> throw new InvalidRequestException("type", "must be streak or points");
        };
    }

    private Leaderboard byPoints(long memberId) {
        List<Map.Entry<Long, Long>> top = points.topBalances(SIZE);
        Map<Long, String> nicknames = members.nicknames(top.stream().map(Map.Entry::getKey).toList());
        List<Leaderboard.Entry> items = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            long id = top.get(i).getKey();
            items.add(new Leaderboard.Entry(i + 1, id, nicknames.get(id), top.get(i).getValue()));
        }
        return new Leaderboard(items, new Leaderboard.MyRank(points.balanceRank(memberId), points.balance(memberId)));
    }
}
