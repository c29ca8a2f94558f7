package dev.loyalty.support;

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
 * The built jar ({@code target/loyalty-*.jar}) running as its own JVM under the {@code mysql} profile on a free
 * port, plus the few HTTP calls a fixture makes to it. It can be killed as a crash would kill it (SIGKILL) and
 * started again with the same arguments on the same port, so on the same database.
 */
public final class AppProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> command;
    private final int port;
    private final Path dir;
    private final Path pidFile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path log;
    private int starts;

    private AppProcess(List<String> command, int port, Path dir, Path pidFile) {
        this.command = command;
        this.port = port;
        this.dir = dir;
        this.pidFile = pidFile;
    }

    /** A builder of the app's command line; its log goes to {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public static final class Builder {

        private final Path dir;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private Path pidFile;

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Application arguments ({@code --key=value}), after the profile and port, so they override neither. */
        public Builder args(String... appArgs) {
            args.addAll(List.of(appArgs));
            return this;
        }

        /** A file that holds the running app's pid, for a script to stop it should this JVM die first. */
        public Builder pidFile(Path file) {
            pidFile = file;
            return this;
        }

        /** Starts the app and waits until {@code /readyz} answers 200. */
        public AppProcess start() throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toString(), "--spring.profiles.active=mysql", "--server.port=" + port));
            command.addAll(args);
            Files.createDirectories(dir);
            AppProcess app = new AppProcess(List.copyOf(command), port, dir, pidFile);
            app.launch();
            return app;
        }

        private static Path jar() throws IOException {
            try (Stream<Path> built = Files.list(Path.of("target"))) {
                return built.filter(p -> p.getFileName().toString().matches("loyalty-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no target/loyalty-*.jar: run mvn -DskipTests package"));
            }
        }
    }

    private void launch() throws Exception {
        starts++;
        log = dir.resolve(starts == 1 ? "app.log" : "app-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        // a test JVM that ends early (a failed fixture, a forked-JVM timeout) leaves no app behind
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "app-process-stop"));
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(process.pid()));
        }
        awaitReady();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited while starting; its log:\n" + Files.readString(log));
            }
            try {
                if (call("GET", "/readyz", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Kills the app the way a crash or the OOM killer would: SIGKILL, no shutdown hooks, no graceful drain. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the app again, after {@link #kill()} or {@link #close()}, with the same arguments and port. */
    public void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the app is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** An answer of the app, with how long it took from sending the request to reading the whole body. */
    public record Response(int status, String body, Duration elapsed) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** One request, whatever its answer; throws only when no answer came (connection refused or reset, timeout). */
    public Response call(String method, String path, String bearer, String json) throws IOException, InterruptedException {
        return call(method, path, bearer, json, REQUEST_TIMEOUT);
    }

    public Response call(String method, String path, String bearer, String json, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** A GET that must succeed (2xx); answers its JSON body. */
    public JsonNode get(String path, String bearer) throws Exception {
        return expectOk(call("GET", path, bearer, null), path);
    }

    /** A POST that must succeed (2xx); answers its JSON body. */
    public JsonNode post(String path, String bearer, String json) throws Exception {
        return expectOk(call("POST", path, bearer, json), path);
    }

    private static JsonNode expectOk(Response response, String path) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public String adminToken() throws Exception {
        return post("/api/admin/auth/login", null, "{\"username\":\"admin\",\"password\":\"dev-only-admin\"}")
                .get("token").asString();
    }

    /** The value of an unlabelled series in {@code /actuator/prometheus}, or NaN when the app does not export it. */
    public double metric(String name) throws Exception {
        String metrics = call("GET", "/actuator/prometheus", null, null).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /**
     * Waits until the app has answered the requests a load generator left in flight when it stopped: none active
     * on two looks in a row, as a request can still wait in Tomcat's queue when the other is done.
     */
    public void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int idleLooks = 0; idleLooks < 2 && System.nanoTime() < deadline; Thread.sleep(100)) {
            idleLooks = activeRequests() == 0 ? idleLooks + 1 : 0;
        }
    }

    /** Requests being answered now, from the {@code http.server.requests.active} timer, less this look itself. */
    private int activeRequests() throws Exception {
        String metrics = call("GET", "/actuator/prometheus", null, null).body();
        return (int) metrics.lines().filter(line -> line.startsWith("http_server_requests_active_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum() - 1;
    }

    /** Starts a JFR recording with the {@code profile} settings and a Java sample every millisecond rather than ten. */
    public void startRecording(Path file) throws Exception {
        jcmd("JFR.start", "name=bench", "settings=profile", "method-profiling=max", "filename=" + file.toAbsolutePath());
    }

    public void stopRecording() throws Exception {
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

    /** Stops the app gracefully, or kills it when it does not stop within 30 s. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (pidFile != null) {
            Files.deleteIfExists(pidFile);
        }
    }
}
