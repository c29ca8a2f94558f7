package dev.loyalty.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB/MySQL database of one fault test, created empty (the app migrates it) and dropped at the end, on the
 * server {@code FAULTS_MYSQL_HOST}:{@code FAULTS_MYSQL_PORT} (127.0.0.1:3306 by default) as root without a password.
 * The test reads it over bare JDBC, around the app, to see what was really committed.
 */
final class FaultDatabase implements AutoCloseable {

    static final String HOST = System.getenv().getOrDefault("FAULTS_MYSQL_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("FAULTS_MYSQL_PORT", "3306"));

    private final String name;

    private FaultDatabase(String name) {
        this.name = name;
    }

    static FaultDatabase create(String label) throws SQLException {
        FaultDatabase db = new FaultDatabase("loyalty_fault_" + label + "_" + Long.toString(System.currentTimeMillis(), 36));
        try (Connection c = DriverManager.getConnection(serverUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + db.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return db;
    }

    /** The database, reached directly. */
    String jdbcUrl() {
        return jdbcUrl(HOST, PORT);
    }

    /** The database, reached through another address (a proxy in front of the server). */
    String jdbcUrl(String host, int port) {
        return "jdbc:mysql://" + host + ":" + port + "/" + name
                + "?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false";
    }

    /** The single number a query answers (a count, a sum); 0 for SQL NULL. */
    long number(String sql, Object... params) throws SQLException {
        List<long[]> rows = rows(sql, params);
        if (rows.size() != 1 || rows.get(0).length != 1) {
            throw new IllegalStateException("not a single number: " + sql);
        }
        return rows.get(0)[0];
    }

    /** Every row of a query whose columns are all numbers (NULL reads as 0). */
    List<long[]> rows(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "root", "");
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Every value of a query's first column, as text. */
    List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "root", "");
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/?allowPublicKeyRetrieval=true&useSSL=false";
    }
}
