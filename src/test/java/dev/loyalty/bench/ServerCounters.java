package dev.loyalty.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Server-wide counters read before and after a measured phase: MariaDB's statement counters, Redis's
 * command counts, and the CPU time of the app's process and of mariadbd from /proc. They count whatever
 * else the servers did meanwhile (other databases, other builds), so they are noisy on a shared machine.
 */
final class ServerCounters {

    private static final List<String> SQL = List.of("Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
            "Com_rollback", "Questions");
    /** /proc counts CPU time in USER_HZ ticks, which Linux fixes at 100 a second. */
    private static final double MILLIS_PER_TICK = 10;

    private final DataSource db;
    private final String redisHost;
    private final int redisPort;
    private final long appPid;
    private final OptionalLong mariadbPid;

    ServerCounters(DataSource db, String redisHost, int redisPort, long appPid) {
        this.db = db;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.appPid = appPid;
        this.mariadbPid = findProcess("mariadbd", "mysqld");
    }

    Snapshot take() throws Exception {
        return new Snapshot(sqlStatus(), redisCommands(), cpuTicks(appPid),
                mariadbPid.isPresent() ? cpuTicks(mariadbPid.getAsLong()) : -1);
    }

    record Snapshot(Map<String, Long> sql, Map<String, Long> redis, long appTicks, long mariadbTicks) {

        /** Per {@code operation} (one of {@code ops}) between {@code before} and this snapshot, as printable lines. */
        List<String> perOperation(Snapshot before, long ops, String operation) {
            Map<String, Double> sqlEach = new LinkedHashMap<>();
            for (String name : SQL) {
                sqlEach.put(name, (double) (sql.get(name) - before.sql.get(name)) / ops);
            }
            double statements = sqlEach.get("Com_select") + sqlEach.get("Com_insert") + sqlEach.get("Com_update")
                    + sqlEach.get("Com_delete");
            Map<String, Long> redisDelta = new TreeMap<>();
            redis.forEach((command, calls) -> redisDelta.put(command, calls - before.redis.getOrDefault(command, 0L)));
            redisDelta.values().removeIf(calls -> calls <= 0);
            double redisCalls = redisDelta.values().stream().mapToLong(Long::longValue).sum() / (double) ops;
            String redisByCommand = redisDelta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8).map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) ops))
                    .collect(Collectors.joining(", "));
            String mariadbCpu = mariadbTicks < 0 ? "n/a (not on this machine)"
                    : String.format("%.2f ms", (mariadbTicks - before.mariadbTicks) * MILLIS_PER_TICK / ops);
            return List.of(
                    String.format("per %s (server-wide counters: other clients of MariaDB and Redis count too):", operation),
                    String.format("  SQL     %5.2f statements (select %.2f, insert %.2f, update %.2f, delete %.2f), "
                                    + "commit %.2f, rollback %.2f; %.2f round trips (Questions)", statements,
                            sqlEach.get("Com_select"), sqlEach.get("Com_insert"), sqlEach.get("Com_update"),
                            sqlEach.get("Com_delete"), sqlEach.get("Com_commit"), sqlEach.get("Com_rollback"),
                            sqlEach.get("Questions")),
                    String.format("  Redis   %5.2f commands, those run by scripts included%s", redisCalls, redisByCommand.isEmpty() ? "" : " (" + redisByCommand + ")"),
                    String.format("  CPU     app %.2f ms, MariaDB %s", (appTicks - before.appTicks) * MILLIS_PER_TICK / ops,
                            mariadbCpu));
        }
    }

    private Map<String, Long> sqlStatus() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                        + String.join("','", SQL) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }

    /** {@code INFO commandstats} over a bare socket: command name → calls. */
    private Map<String, Long> redisCommands() throws IOException {
        String info;
        try (Socket socket = new Socket(redisHost, redisPort)) {
            OutputStream out = socket.getOutputStream();
            out.write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String header = readLine(in);
            if (!header.startsWith("$")) {
                throw new IOException("Redis answered " + header);
            }
            byte[] body = new byte[Integer.parseInt(header.substring(1))];
            in.readFully(body);
            info = new String(body, StandardCharsets.UTF_8);
        }
        Map<String, Long> calls = new TreeMap<>();
        for (String line : info.split("\r\n")) {
            // cmdstat_get:calls=12,usec=34,...
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(command, Long.parseLong(rest.substring(0, rest.indexOf(','))));
            }
        }
        return calls;
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** utime + stime of a process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name in parentheses may hold spaces: fields are counted after it, the state being field 3
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static OptionalLong findProcess(String... names) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return List.of(names).contains(Files.readString(p.resolve("comm")).strip());
                } catch (IOException gone) {
                    return false;
                }
            }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
