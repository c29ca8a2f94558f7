package dev.loyalty.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loyalty.faults.Faults.Member;
import dev.loyalty.support.AppProcess;
import dev.loyalty.support.AppProcess.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redis is a cache and a helper, never the system of record: while it is down members still log in and sign in
 * quickly, the app stays ready, the outage shows as a gauge, and the streak board is answered from MySQL; when
 * Redis comes back (empty, on the same port) the app reconnects by itself and the board has the sign-ins of the
 * outage.
 */
class RedisOutageFaultIT {

    private static final Duration FAST = Duration.ofSeconds(1);

    @Test
    void membersLogInAndSignInWhileRedisIsDownAndTheBoardCatchesUpWhenItIsBack() throws Exception {
        try (FaultDatabase db = FaultDatabase.create("redis");
                LocalRedis redis = LocalRedis.start();
                AppProcess app = Faults.app(getClass(), db.jdbcUrl(), redis.port())
                        .args("--loyalty.jobs.scheduled=false").start()) {
            // the paths under test, warmed up with Redis up: the outage, not a cold JIT, is what gets measured
            Member before = Faults.login(app, "before-outage");
            app.post("/api/app/sign-ins", before.token(), null);
            app.get("/api/app/leaderboard?type=streak", before.token());
            assertThat(app.metric("loyalty_redis_up")).as("loyalty_redis_up with Redis up").isEqualTo(1.0);

            redis.stop();

            Response login = app.call("POST", "/api/app/auth/login", null, "{\"code\":\"during-outage\"}");
            assertThat(login.status()).as("a first login while Redis is down: %s", login.body()).isEqualTo(200);
            assertThat(login.json().get("created").asBoolean()).as("the login created the member").isTrue();
            assertThat(login.elapsed()).as("first login while Redis is down").isLessThan(FAST);
            Member during = new Member(login.json().get("member").get("id").asLong(), login.json().get("token").asString());

            Response signIn = app.call("POST", "/api/app/sign-ins", during.token(), null);
            assertThat(signIn.status()).as("a sign-in while Redis is down: %s", signIn.body()).isEqualTo(200);
            assertThat(signIn.json().get("alreadySignedIn").asBoolean()).isFalse();
            assertThat(signIn.elapsed()).as("sign-in while Redis is down").isLessThan(FAST);

            await("loyalty_redis_up 0 while Redis is down").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> app.metric("loyalty_redis_up") == 0.0);
            assertThat(app.call("GET", "/readyz", null, null).status()).as("/readyz while Redis is down").isEqualTo(200);

            Response board = app.call("GET", "/api/app/leaderboard?type=streak", during.token(), null);
            assertThat(board.status()).as("the streak board while Redis is down: %s", board.body()).isEqualTo(200);
            assertThat(memberIds(board.json())).as("the board from MySQL").contains(before.id(), during.id());

            System.out.printf("Redis down: first login %d ms, sign-in %d ms, streak board %d ms%n", login.elapsed().toMillis(),
                    signIn.elapsed().toMillis(), board.elapsed().toMillis());

            redis.restart();

            await("loyalty_redis_up 1 once Redis is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> app.metric("loyalty_redis_up") == 1.0);
            await("the streak board has the sign-in made during the outage").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Response answer = app.call("GET", "/api/app/leaderboard?type=streak", during.token(), null);
                        return answer.status() == 200 && memberIds(answer.json()).contains(during.id());
                    });
            assertThat(app.call("GET", "/readyz", null, null).status()).as("/readyz once Redis is back").isEqualTo(200);
        }
    }

    private static List<Long> memberIds(JsonNode board) {
        List<Long> ids = new ArrayList<>();
        board.get("items").forEach(item -> ids.add(item.get("memberId").asLong()));
        return ids;
    }
}
