package dev.loyalty.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loyalty.faults.Faults.Member;
import dev.loyalty.support.AppProcess;
import dev.loyalty.support.AppProcess.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The network to MySQL fails (a proxy between the app and the server closes every connection and refuses new
 * ones): requests that need the database fail fast with 503 DATABASE_UNAVAILABLE rather than hang, /readyz says
 * DOWN so a load balancer stops sending traffic, nothing is half written, and the app recovers by itself.
 */
class DatabaseOutageFaultIT {

    private static final Duration FAIL_FAST = Duration.ofMillis(2500);
    private static final Duration READINESS_DOWN = Duration.ofSeconds(5);

    @Test
    void requestsFailFastWithoutHalfWritesWhileTheDatabaseIsUnreachableAndRecoverWithoutARestart() throws Exception {
        try (FaultDatabase db = FaultDatabase.create("db");
                LocalRedis redis = LocalRedis.start();
                TcpProxy proxy = TcpProxy.start(FaultDatabase.HOST, FaultDatabase.PORT);
                AppProcess app = Faults.app(getClass(), db.jdbcUrl(proxy.host(), proxy.port()), redis.port())
                        .args("--loyalty.jobs.scheduled=false").start()) {
            Member reader = Faults.login(app, "reader");
            Member signer = Faults.login(app, "signer");
            assertThat(app.call("GET", "/api/app/me", reader.token(), null).status()).isEqualTo(200);

            proxy.cut();
            CompletableFuture<Duration> readinessDown = CompletableFuture.supplyAsync(() -> untilNotReady(app));

            Response refusedSignIn = app.call("POST", "/api/app/sign-ins", signer.token(), null);
            assertUnavailableFast(refusedSignIn, "a sign-in");
            Response refusedRead = app.call("GET", "/api/app/me", reader.token(), null);
            assertUnavailableFast(refusedRead, "GET /api/app/me");
            Duration notReadyAfter = readinessDown.get(30, TimeUnit.SECONDS);
            assertThat(notReadyAfter).as("time from the cut to /readyz answering DOWN").isLessThan(READINESS_DOWN);
            System.out.printf("MySQL cut: sign-in refused in %d ms, /api/app/me in %d ms, /readyz DOWN after %d ms%n",
                    refusedSignIn.elapsed().toMillis(), refusedRead.elapsed().toMillis(), notReadyAfter.toMillis());

            proxy.restore();

            await("answers again within 15 s of the network's return").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> app.call("GET", "/readyz", null, null).status() == 200
                            && app.call("GET", "/api/app/me", reader.token(), null).status() == 200);
            assertThat(db.number("SELECT COUNT(*) FROM signin_record WHERE member_id = ?", signer.id()))
                    .as("sign-in records of the sign-in refused during the cut").isZero();
            assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND source = 'SIGN_IN'", signer.id()))
                    .as("ledger rows of the sign-in refused during the cut").isZero();

            Response signIn = app.call("POST", "/api/app/sign-ins", signer.token(), null);
            assertThat(signIn.status()).as("the sign-in after the network is back: %s", signIn.body()).isEqualTo(200);
            assertThat(signIn.json().get("alreadySignedIn").asBoolean()).isFalse();
            assertThat(db.number("SELECT COUNT(*) FROM signin_record WHERE member_id = ?", signer.id())).isOne();
            assertThat(db.number("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND source = 'SIGN_IN'", signer.id()))
                    .isOne();
        }
    }

    /** How long /readyz keeps answering 200 from now (polled, for twice the time it is given at most). */
    private static Duration untilNotReady(AppProcess app) {
        long started = System.nanoTime();
        long giveUp = started + READINESS_DOWN.multipliedBy(2).toNanos();
        try {
            while (System.nanoTime() < giveUp && app.call("GET", "/readyz", null, null, READINESS_DOWN).status() == 200) {
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("/readyz did not answer", e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void assertUnavailableFast(Response response, String what) {
        assertThat(response.status()).as("%s while the database is unreachable, answered in %d ms: %s", what,
                response.elapsed().toMillis(), response.body()).isEqualTo(503);
        assertThat(response.body()).as(what).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
        assertThat(response.elapsed()).as("%s while the database is unreachable", what).isLessThan(FAIL_FAST);
    }
}
