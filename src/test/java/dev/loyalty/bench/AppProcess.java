package dev.loyalty.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built jar running as its own JVM on a free port, against the bench database, with rate limits and
 * scheduled jobs off, plus the few HTTP calls the fixture makes to it. Its pid is written to
 * {@code target/bench/app.pid} so that {@code bench/run} can stop it if this JVM dies first.
 */
final class AppProcess implements AutoCloseable {

    static final Path PID_FILE = Path.of("target/bench/app.pid");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AppProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static AppProcess start(Path dir, String jdbcUrl, String redisHost, int redisPort, String jwtSecret, boolean profile)
            throws Exception {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(p -> p.getFileName().toString().matches("loyalty-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/loyalty-*.jar: run mvn -DskipTests package"));
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        if (profile) {
            // deep stacks, so that inclusive time reaches the frames under Tomcat's and Spring's
            command.add("-XX:FlightRecorderOptions:stackdepth=512");
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 20),
                "--spring.data.redis.host=" + redisHost, "--spring.data.redis.port=" + redisPort,
                "--server.port=" + port, "--loyalty.jwt.secret=" + jwtSecret, "--loyalty.rate-limit.enabled=false",
                "--loyalty.jobs.scheduled=false", "--logging.level.root=WARN"));
        Path log = dir.resolve("app.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Files.writeString(PID_FILE, Long.toString(process.pid()));
        AppProcess app = new AppProcess(process, "http://127.0.0.1:" + port, log);
        app.awaitReady();
        return app;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited while starting; its log:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/readyz")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app was not ready within 180 s; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the app has answered the requests wrk left in flight when it stopped: none active on two
     * looks in a row, as a request can still wait in Tomcat's queue when the other is done.
     */
    void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int idleLooks = 0; idleLooks < 2 && System.nanoTime() < deadline; Thread.sleep(100)) {
            idleLooks = activeRequests() == 0 ? idleLooks + 1 : 0;
        }
    }

    /** Requests being answered now, from the {@code http.server.requests.active} timer, less this look itself. */
    private int activeRequests() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return (int) metrics.lines().filter(line -> line.startsWith("http_server_requests_active_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum() - 1;
    }

    String adminToken() throws Exception {
        return post("/api/admin/auth/login", null, "{\"username\":\"admin\",\"password\":\"dev-only-admin\"}")
                .get("token").asString();
    }

    JsonNode get(String path, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), bearer);
    }

    JsonNode post(String path, String bearer, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), bearer);
    }

    private JsonNode send(HttpRequest.Builder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Starts a JFR recording with the {@code profile} settings and a Java sample every millisecond rather than ten. */
    void startRecording(Path file) throws Exception {
        jcmd("JFR.start", "name=bench", "settings=profile", "method-profiling=max", "filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws Exception {
        jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0 || output.contains("Exception") || output.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(PID_FILE);
    }
}
