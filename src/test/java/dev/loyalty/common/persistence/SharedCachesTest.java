package dev.loyalty.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.points.PointsService;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.SecondInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** A rule an operator changes on one instance is what every instance uses within a second. */
class SharedCachesTest extends IntegrationTest {

    @Autowired
    Environment env;

    @Test
    void aRuleChangedOnOneInstanceIsSeenByAnotherWithinASecond() throws Exception {
        Api admin = api.as(loginAdmin());
        long originalPerYuan = admin.get("/api/admin/points-rule").json().path("pointsPerYuan").asLong();
        long expiryDays = admin.get("/api/admin/points-rule").json().path("expiryDays").asLong();
        try (ConfigurableApplicationContext second = SecondInstance.start(env)) {
            PointsService otherInstance = second.getBean(PointsService.class);
            assertThat(otherInstance.rule().pointsPerYuan()).isEqualTo(originalPerYuan);

            long changed = originalPerYuan + 7;
            assertThat(admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", changed, "expiryDays", expiryDays))
                    .status()).isEqualTo(200);

            long deadline = System.nanoTime() + 1_000_000_000L;
            while (otherInstance.rule().pointsPerYuan() != changed && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(otherInstance.rule().pointsPerYuan()).isEqualTo(changed);
        } finally {
            admin.put("/api/admin/points-rule", Map.of("pointsPerYuan", originalPerYuan, "expiryDays", expiryDays));
        }
    }
}
