package dev.loyalty.faults;

import dev.loyalty.support.AppProcess;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** What the fault tests share: the app's command line on a test database and Redis, and a member's login. */
final class Faults {

    private Faults() {
    }

    /**
     * The built jar on {@code jdbcUrl} and the Redis on {@code redisPort}, with the WeChat sandbox answering logins;
     * its logs under {@code target/faults/<test>-<time>/}. The JVM compiles with C1 only: a start (four per run of
     * the suite) takes half the CPU, and what the tests time are timeouts and refusals, not compiled code's speed.
     */
    static AppProcess.Builder app(Class<?> test, String jdbcUrl, int redisPort) {
        Path dir = Path.of("target/faults", test.getSimpleName() + "-" + System.currentTimeMillis());
        return AppProcess.builder(dir).jvmOption("-XX:TieredStopAtLevel=1").args(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--wx.sandbox.enabled=true");
    }

    record Member(long id, String token) {
    }

    /** A member's Mini Program login through the sandbox (code {@code X} is openid {@code sandbox-X}). */
    static Member login(AppProcess app, String code) throws Exception {
        JsonNode answer = app.post("/api/app/auth/login", null, "{\"code\":\"" + code + "\"}");
        return new Member(answer.get("member").get("id").asLong(), answer.get("token").asString());
    }
}
