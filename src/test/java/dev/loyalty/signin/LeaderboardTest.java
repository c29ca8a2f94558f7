package dev.loyalty.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LeaderboardTest extends IntegrationTest {

    @Autowired
    SignInService signIns;

    @Autowired
    RedissonClient redisson;

    @Test
    void theStreakBoardRanksLiveStreaksAndSurvivesARedisFlush() {
        LocalDate today = LocalDate.of(2033, 5, 20);
        String code = unique("me");
        long me = memberId(code);
        long longest = memberId(unique("long"));
        long broken = memberId(unique("broken"));
        for (int daysAgo = 4; daysAgo >= 0; daysAgo--) {
            clock.pinAt(today.minusDays(daysAgo));
            signIns.signIn(longest);
            if (daysAgo <= 1) {
                signIns.signIn(me);
            }
            if (daysAgo >= 3) {
                signIns.signIn(broken);
            }
        }
        clock.pinAt(today);
        Api member = api.as(loginMember(code));
        member.patch("/api/app/me", Map.of("nickname", "Me"));

        JsonNode board = member.get("/api/app/leaderboard?type=streak").json();
        redisson.getKeys().flushdb();
        JsonNode rebuilt = member.get("/api/app/leaderboard?type=streak").json();

        for (JsonNode shown : List.of(board, rebuilt)) {
            List<Long> ids = shown.path("items").valueStream().map(i -> i.path("memberId").asLong()).toList();
            assertThat(ids).containsSubsequence(longest, me).doesNotContain(broken);
            JsonNode first = shown.path("items").get(0);
            assertThat(first.path("memberId").asLong()).isEqualTo(longest);
            assertThat(first.path("value").asLong()).isEqualTo(5);
            assertThat(first.path("rank").asInt()).isEqualTo(1);
            assertThat(shown.path("me").path("rank").asInt()).isEqualTo(2);
            assertThat(shown.path("me").path("value").asLong()).isEqualTo(2);
            assertThat(shown.path("items").get(1).path("nickname").asString()).isEqualTo("Me");
        }
    }

    @Test
    void thePointsBoardRanksBalances() {
        String code = unique("rich");
        long rich = memberId(code);
        api.as(loginAdmin()).post("/api/admin/members/" + rich + "/points-adjustments",
                Map.of("delta", 9_000_000, "reason", "leaderboard test"));

        JsonNode board = api.as(loginMember(code)).get("/api/app/leaderboard?type=points").json();

        assertThat(board.path("items").get(0).path("memberId").asLong()).isEqualTo(rich);
        assertThat(board.path("me").path("rank").asInt()).isEqualTo(1);
        assertThat(board.path("me").path("value").asLong()).isEqualTo(9_000_000);
        assertThat(api.as(loginMember(code)).get("/api/app/leaderboard?type=weird").code()).isEqualTo("VALIDATION_FAILED");
    }
}
