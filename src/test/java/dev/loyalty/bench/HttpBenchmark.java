package dev.loyalty.bench;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.common.security.Actor;
import dev.loyalty.common.security.TokenService;
import dev.loyalty.support.AppProcess;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmarks over HTTP: the built jar runs as its own JVM, wrk drives it with a Lua script of
 * {@code bench/wrk}, and the same writes over bare JDBC, measured in the same run against the same
 * database, give the floor every figure is a ratio to. Run with
 * {@code bench/run sign-in|hot-coupon|wallet-pay [--clients=N] [--profile] [-Dhistory=N] [-Dkey=value ...]}.
 */
public final class HttpBenchmark {

    /** The default of {@code loyalty.jwt.secret}, passed to the app so that the fixture can sign its members' tokens. */
    private static final String JWT_SECRET = "dev-only-jwt-secret-change-me-0123456789abcdef";
    /** Where the running app's pid is kept, so that {@code bench/run} can stop it if this JVM dies first. */
    private static final Path PID_FILE = Path.of("target/bench/app.pid");

    /** A few connections for seeding, counters and checks; the floor has a pool of its own. */
    final HikariDataSource db;
    final AppProcess app;
    final Wrk wrk;
    final int clients;
    final String run;
    private final String scenario;
    private final String jdbcUrl;
    private final boolean profile;
    private final Path dir;
    private final ServerCounters counters;
    private final TokenService tokens;
    private final long history;

    private HttpBenchmark(String scenario, int clients, boolean profile, Path dir, String jdbcUrl, HikariDataSource db,
            AppProcess app, ServerCounters counters, long history) throws Exception {
        this.scenario = scenario;
        this.jdbcUrl = jdbcUrl;
        this.clients = clients;
        this.profile = profile;
        this.dir = dir;
        this.db = db;
        this.app = app;
        this.counters = counters;
        this.history = history;
        this.wrk = new Wrk(app.baseUrl(), clients);
        this.run = "b" + Long.toString(System.currentTimeMillis(), 36);
        // package-private, as the app only makes it a bean: the same class and secret sign what the app reads
        Constructor<TokenService> signer = TokenService.class.getDeclaredConstructor(String.class, Duration.class,
                Duration.class, Clock.class);
        signer.setAccessible(true);
        this.tokens = signer.newInstance(JWT_SECRET, Duration.ofDays(1), Duration.ofHours(1), Clock.systemUTC());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: HttpBenchmark sign-in|hot-coupon|wallet-pay [--clients=N] [--profile]");
        }
        String scenario = args[0];
        int clients = 64;
        boolean profile = false;
        for (String arg : List.of(args).subList(1, args.length)) {
            if (arg.startsWith("--clients=")) {
                clients = Integer.parseInt(arg.substring("--clients=".length()));
            } else if (arg.equals("--profile")) {
                profile = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        String jdbcUrl = System.getenv("SPRING_DATASOURCE_URL");
        String redisHost = System.getenv().getOrDefault("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        int redisPort = Integer.parseInt(System.getenv().getOrDefault("SPRING_DATA_REDIS_PORT", "6379"));
        long history = Long.getLong("history", 0);
        Path dir = Files.createDirectories(Path.of("target/bench", scenario + "-" + System.currentTimeMillis()));
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

        long starting = System.nanoTime();
        try (HikariDataSource db = BenchSupport.barePool(jdbcUrl, 4);
                AppProcess app = startApp(dir, jdbcUrl, redisHost, redisPort, profile)) {
            System.out.printf("app (pid %d) ready in %.0f s at %s; its log and recordings in %s%n", app.pid(),
                    (System.nanoTime() - starting) / 1e9, app.baseUrl(), dir);
            if (history > 0) {
                long started = System.nanoTime();
                Seed.history(db, history);
                System.out.printf("history: %,d sign-in records, points ledger rows and lots of other members seeded in %.0f s%n",
                        history, (System.nanoTime() - started) / 1e9);
            }
            HttpBenchmark bench = new HttpBenchmark(scenario, clients, profile, dir, jdbcUrl, db, app,
                    new ServerCounters(db, redisHost, redisPort, app.pid()), history);
            switch (scenario) {
                case "sign-in" -> SignInScenario.run(bench);
                case "hot-coupon" -> HotCouponScenario.run(bench);
                case "wallet-pay" -> WalletPayScenario.run(bench);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
    }

    /** The built jar against the bench database, with rate limits and scheduled jobs off. */
    private static AppProcess startApp(Path dir, String jdbcUrl, String redisHost, int redisPort, boolean profile)
            throws Exception {
        AppProcess.Builder app = AppProcess.builder(dir).pidFile(PID_FILE).args("--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 20),
                "--spring.data.redis.host=" + redisHost, "--spring.data.redis.port=" + redisPort,
                "--loyalty.jwt.secret=" + JWT_SECRET, "--loyalty.rate-limit.enabled=false",
                "--loyalty.jobs.scheduled=false", "--logging.level.root=WARN");
        if (profile) {
            // deep stacks, so that inclusive time reaches the frames under Tomcat's and Spring's
            app.jvmOption("-XX:FlightRecorderOptions:stackdepth=512");
        }
        return app.start();
    }

    String token(long memberId) {
        return tokens.issue(new Actor(Actor.Type.MEMBER, memberId)).token();
    }

    List<String> tokens(long[] members) {
        List<String> lines = new ArrayList<>(members.length);
        for (long member : members) {
            lines.add(token(member));
        }
        return lines;
    }

    /** A wrk run whose figures are thrown away: it gets the JIT of the app going on the path measured next. */
    Wrk.Result warmUp(List<String> lines, int maxSeconds, String... scriptArgs) throws Exception {
        Wrk.Result warm = wrk.run(scenario, dir.resolve("warm-up.txt"), lines, maxSeconds, scriptArgs);
        System.out.printf("warm-up: %d requests in %.1f s (%.1f/s), %d errors%n", warm.requests(), warm.seconds(),
                warm.perSecond(), warm.errors() + warm.socketErrors());
        return warm;
    }

    /** The wrk run that counts, with the server counters read around it and, with --profile, a JFR recording. */
    Measured measure(List<String> lines, int maxSeconds, String... scriptArgs) throws Exception {
        Path recording = dir.resolve(scenario + ".jfr");
        if (profile) {
            app.startRecording(recording);
        }
        ServerCounters.Snapshot before = counters.take();
        Wrk.Result result = wrk.run(scenario, dir.resolve("requests.txt"), lines, maxSeconds, scriptArgs);
        app.awaitIdle();
        ServerCounters.Snapshot after = counters.take();
        if (profile) {
            app.stopRecording();
        }
        return new Measured(result, before, after, profile ? recording : null);
    }

    record Measured(Wrk.Result result, ServerCounters.Snapshot before, ServerCounters.Snapshot after, Path recording) {
    }

    /**
     * Whether {@code written} rows are one per answer: a stop at the time limit leaves at most one request
     * per connection that the app still carried out but wrk no longer waited for.
     */
    boolean oneEach(Measured m, long written) {
        return written >= m.result().ok() && written <= m.result().ok() + clients;
    }

    /**
     * The bare JDBC floor: {@code operation(i)} for i in [0, ops) on {@code clients} threads and as many
     * connections, timed, after {@code warmUps} untimed calls with i in [ops, ops + warmUps).
     */
    Floor floor(int ops, int warmUps, FloorOperation operation) throws Exception {
        try (HikariDataSource pool = BenchSupport.barePool(jdbcUrl, clients)) {
            BenchSupport.timed(clients, warmUps, i -> operation.run(pool, ops + i));
            LatencyRecorder latency = new LatencyRecorder(ops);
            long wall = BenchSupport.timed(clients, ops, i -> {
                long started = System.nanoTime();
                operation.run(pool, i);
                latency.record(System.nanoTime() - started);
            });
            return new Floor(latency, wall);
        }
    }

    @FunctionalInterface
    interface FloorOperation {
        void run(DataSource pool, int i) throws Exception;
    }

    record Floor(LatencyRecorder latency, long wallNanos) {

        double perSecond() {
            return latency.perSecond(wallNanos);
        }
    }

    /** Prints the figures of a run: app and floor side by side, the checks, the counters per operation, the profile. */
    /** {@code operations}: what the app carried out during the measured run, answered or not (the counters' divisor). */
    void report(String appLabel, Measured measured, String floorLabel, Floor floor, AtomicInteger floorRefused,
            String operation, long operations, List<String> checks) throws Exception {
        Wrk.Result app = measured.result();
        System.out.println();
        System.out.printf("== %s over HTTP: %d connections (%d wrk threads), %s; %.1f s, %s ==%n", scenario, clients,
                wrk.threads(), history > 0 ? String.format("%,d history rows", history) : "no history", app.seconds(),
                app.ranOut() ? "until every line was sent" : "the time limit");
        System.out.printf("%-48s %8s %9s %9s %9s %8s %8s%n", "", "ops", "rate/s", "p50 ms", "p99 ms", "refused", "errors");
        System.out.printf("%-48s %8d %9.1f %9.2f %9.2f %8d %8d%n", "app: " + appLabel, app.requests(), app.perSecond(),
                app.p50Millis(), app.p99Millis(), app.refused(), app.errors() + app.socketErrors());
        LatencyRecorder bare = floor.latency();
        System.out.printf("%-48s %8d %9.1f %9.2f %9.2f %8d %8d%n", "floor: " + floorLabel, bare.count(), floor.perSecond(),
                bare.percentileMillis(0.50), bare.percentileMillis(0.99), floorRefused == null ? 0 : floorRefused.get(), 0);
        System.out.printf("%-48s %8s %8.1f%%%n", "ratio app / floor (rate)", "", 100 * app.perSecond() / floor.perSecond());
        if (app.errors() + app.socketErrors() > 0) {
            System.out.printf("errors: statuses %s, %d socket errors; first: %s%n", app.statuses(), app.socketErrors(),
                    app.firstError());
        }
        checks.forEach(System.out::println);
        measured.after().perOperation(measured.before(), Math.max(1, operations), operation).forEach(System.out::println);
        if (measured.recording() != null) {
            JfrProfile.summarize(measured.recording(), 25).forEach(System.out::println);
        }
    }

    static String verdict(boolean ok) {
        return ok ? "OK" : "FAILED";
    }
}
