package dev.loyalty.common.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * With {@code loyalty.redis.embedded=true} (the default run), starts a redis-server shipped inside a
 * Maven artifact on a free loopback port before anything connects, and points {@code spring.data.redis.*}
 * at it. One server per JVM, stopped when the JVM exits.
 */
public class EmbeddedRedis implements EnvironmentPostProcessor {

    private static RedisServer server;
    private static int port;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("loyalty.redis.embedded", Boolean.class, false)) {
            return;
        }
        int redisPort = start();
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedRedis", Map.of(
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", redisPort)));
    }

    private static synchronized int start() {
        if (server == null) {
            try {
                port = freePort();
                server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded Redis", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedis::stop, "embedded-redis-stop"));
        }
        return port;
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException ignored) {
                // the JVM is going away; nothing left to clean up
            }
            server = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
