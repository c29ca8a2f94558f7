package dev.loyalty.faults;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A redis-server of one fault test (the binary shipped in the embedded-redis artifact) on a spare loopback port,
 * which the test can stop and start again on the same port: the machine's own Redis is never touched.
 */
final class LocalRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private LocalRedis(int port) {
        this.port = port;
    }

    static LocalRedis start() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LocalRedis redis = new LocalRedis(port);
        redis.restart();
        return redis;
    }

    int port() {
        return port;
    }

    /** Starts a fresh, empty server on the same port (nothing is persisted, as after a failover to a new node). */
    void restart() throws IOException {
        if (server != null && server.isActive()) {
            throw new IllegalStateException("Redis is still running on port " + port);
        }
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    void stop() throws IOException {
        server.stop();
    }

    @Override
    public void close() throws IOException {
        if (server != null && server.isActive()) {
            server.stop();
        }
    }
}
