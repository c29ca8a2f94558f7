package dev.loyalty.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.TokenService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code POST /api/app/sign-ins} over HTTP: {@code members} distinct members (2000) each signing in once,
 * from {@code clients} concurrent clients (64), against the app running on MariaDB/MySQL and Redis. Then the
 * same number of bare JDBC transactions with the writes a first sign-in makes (state, record, account,
 * ledger row, lot). Run with {@code bench/run sign-in}; {@code pool} sets the app's connection pool (20).
 */
public final class SignInHttpBenchmark {

    /** Sign-ins before measuring, so the JIT has compiled the path being measured. */
    private static final int WARM_UP = 1_000;

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 2_000);
        int clients = Integer.getInteger("clients", 64);
        String run = Long.toString(System.currentTimeMillis(), 36);

        try (ConfigurableApplicationContext app = BenchSupport.startApp(org.springframework.boot.WebApplicationType.SERVLET)) {
            Environment env = app.getEnvironment();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf("database %s, %d members, %d clients%n", env.getProperty("spring.datasource.url"),
                    members, clients);
            DataSource dataSource = app.getBean(DataSource.class);
            TokenService tokens = app.getBean(TokenService.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI signIn = URI.create("http://127.0.0.1:" + port + "/api/app/sign-ins");
            List<Long> ids = BenchSupport.createMembers(dataSource, members, run);
            List<String> bearer = ids.stream().map(id -> tokens.issue(new Actor(Actor.Type.MEMBER, id)).token()).toList();

            List<Long> warmUpMembers = BenchSupport.createMembers(dataSource, WARM_UP, run + "w");
            BenchSupport.timed(clients, WARM_UP, i -> http.send(HttpRequest.newBuilder(signIn)
                    .header("Authorization", "Bearer " + tokens.issue(new Actor(Actor.Type.MEMBER, warmUpMembers.get(i))).token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()));
            AtomicInteger errors = new AtomicInteger();
            LatencyRecorder overHttp = new LatencyRecorder(members);
            long httpWall = BenchSupport.timed(clients, members, i -> {
                HttpRequest request = HttpRequest.newBuilder(signIn)
                        .header("Authorization", "Bearer " + bearer.get(i))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                overHttp.record(System.nanoTime() - started);
                if (response.statusCode() != 200 || response.body().contains("\"alreadySignedIn\":true")) {
                    errors.incrementAndGet();
                }
            });

            List<Long> direct = BenchSupport.createMembers(app.getBean(DataSource.class), members, run + "d");
            dev.loyalty.signin.SignInService signIns = app.getBean(dev.loyalty.signin.SignInService.class);
            LatencyRecorder inProcess = new LatencyRecorder(members);
            long inProcessWall = BenchSupport.timed(clients, members, i -> {
                long started = System.nanoTime();
                signIns.signIn(direct.get(i));
                inProcess.record(System.nanoTime() - started);
            });

            LatencyRecorder bare = new LatencyRecorder(members);
            long firstBareMember = 1_000_000_000_000L + System.nanoTime() % 1_000_000_000L;
            try (HikariDataSource pool = BenchSupport.barePool(env, clients)) {
                long bareWall = BenchSupport.timed(clients, members, i -> {
                    long started = System.nanoTime();
                    bareSignIn(pool, firstBareMember + i, "bare:" + run + ":" + i);
                    bare.record(System.nanoTime() - started);
                });
                System.out.println(overHttp.summary("POST /api/app/sign-ins", httpWall) + "   errors " + errors.get());
                System.out.println(inProcess.summary("SignInService.signIn (no HTTP)", inProcessWall));
                System.out.println(bare.summary("bare JDBC (5 writes, 1 tx)", bareWall));
                System.out.printf("ratio: the app reaches %.0f%% of the bare JDBC rate%n",
                        100 * overHttp.perSecond(httpWall) / bare.perSecond(bareWall));
            }
            long records = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM signin_record WHERE member_id BETWEEN ? AND ?", Long.class,
                    ids.get(0), ids.get(ids.size() - 1));
            System.out.printf("sign-in records written: %d of %d%n", records, members);
        }
    }

    /** The rows a member's first sign-in writes, with nothing around them. */
    private static void bareSignIn(DataSource pool, long member, String key) {
        Timestamp now = Timestamp.from(Instant.now());
        Date today = Date.valueOf(LocalDate.now());
        BenchSupport.inTransaction(pool, c -> {
            try (PreparedStatement state = c.prepareStatement(
                    "INSERT INTO signin_state (member_id, last_date, streak) VALUES (?, ?, 1)");
                    PreparedStatement record = c.prepareStatement("""
                            INSERT INTO signin_record (member_id, sign_date, streak, points, bonus_points, makeup, makeup_cost, created_at)
                            VALUES (?, ?, 1, 5, 0, FALSE, 0, ?)""");
                    PreparedStatement account = c.prepareStatement("""
                            INSERT INTO points_account (member_id, balance, total_earned, total_spent, total_expired, version, created_at, updated_at)
                            VALUES (?, 5, 5, 0, 0, 1, ?, ?)""")) {
                state.setLong(1, member);
                state.setDate(2, today);
                state.executeUpdate();
                record.setLong(1, member);
                record.setDate(2, today);
                record.setTimestamp(3, now);
                record.executeUpdate();
                account.setLong(1, member);
                account.setTimestamp(2, now);
                account.setTimestamp(3, now);
                account.executeUpdate();
            }
            BenchSupport.insertEarning(c, member, 5, "SIGN_IN", key, now);
        });
    }
}
