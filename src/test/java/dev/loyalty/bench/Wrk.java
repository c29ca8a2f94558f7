package dev.loyalty.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk with a scenario script of {@code bench/wrk} over a data file of one line per request, and reads
 * back what the script's {@code done()} prints. A run ends when every wrk thread has used up its lines
 * (the script prints "done", and wrk is stopped with SIGINT) or at {@code maxSeconds}, whichever is first.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile("(\\w+)=(\\d+)");

    private final String baseUrl;
    private final int connections;
    private final int threads;

    Wrk(String baseUrl, int connections) {
        this.baseUrl = baseUrl;
        this.connections = connections;
        this.threads = Math.min(2, connections);
    }

    int threads() {
        return threads;
    }

    Result run(String scenario, Path data, List<String> lines, int maxSeconds, String... scriptArgs) throws Exception {
        Files.write(data, lines);
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + maxSeconds + "s",
                "--timeout", "30s", "-s", "bench/wrk/" + scenario + ".lua", baseUrl, "--", data.toString(),
                Integer.toString(threads)));
        command.addAll(List.of(scriptArgs));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        long started = 0;
        long finished = 0;
        int done = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("ready")) {
                    // wrk starts thread 0 before it reads the script of thread 1: the first "ready" is the start
                    started = started == 0 ? System.nanoTime() : started;
                } else if (line.equals("done") && ++done == threads) {
                    finished = System.nanoTime();
                    new ProcessBuilder("kill", "-INT", Long.toString(wrk.pid())).start().waitFor();
                } else {
                    output.add(line);
                }
            }
        }
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + String.join("\n", output));
        }
        Files.deleteIfExists(data);
        return Result.parse(output, finished == 0 ? 0 : finished - started);
    }

    /**
     * What wrk answered. {@code seconds} is the fixture's own clock from the start to the last answer when
     * the lines ran out first (wrk's would include the wait for the stop), else wrk's run time.
     */
    record Result(long requests, long ok, long refused, long errors, long socketErrors, double p50Millis,
            double p99Millis, double seconds, boolean ranOut, Map<Integer, Long> statuses, String firstError) {

        double perSecond() {
            return requests / seconds;
        }

        /** The operations that did what was asked or were refused as expected. */
        long answered() {
            return ok + refused;
        }

        static Result parse(List<String> output, long ranOutNanos) {
            Map<String, Long> values = new TreeMap<>();
            Map<Integer, Long> statuses = new TreeMap<>();
            String firstError = "";
            for (String line : output) {
                if (line.startsWith("result ")) {
                    Matcher m = RESULT.matcher(line);
                    while (m.find()) {
                        values.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                } else if (line.startsWith("status ")) {
                    String[] parts = line.split(" ");
                    statuses.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                } else if (line.startsWith("first_error ")) {
                    firstError = line.substring("first_error ".length());
                }
            }
            if (!values.containsKey("requests")) {
                throw new IllegalStateException("wrk printed no result:\n" + String.join("\n", output));
            }
            double seconds = ranOutNanos > 0 ? ranOutNanos / 1e9 : values.get("duration_us") / 1e6;
            return new Result(values.get("requests"), values.get("ok"), values.get("refused"), values.get("errors"),
                    values.get("socket_errors"), values.get("p50_us") / 1e3, values.get("p99_us") / 1e3, seconds,
                    ranOutNanos > 0, statuses, firstError);
        }
    }
}
