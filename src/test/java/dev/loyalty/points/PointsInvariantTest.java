package dev.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Thousands of random earns, spends, reversals, adjustments and expiries over two simulated years, then
 * the books of every member must still balance to the point.
 */
class PointsInvariantTest extends IntegrationTest {

    private static final int OPERATIONS = 2_000;

    @Autowired
    PointsService points;

    @Test
    void randomHistoriesKeepEveryMembersBooksBalanced() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> members = List.of(memberId(unique("p1")), memberId(unique("p2")), memberId(unique("p3")),
                memberId(unique("p4")));
        List<Long> reversible = new ArrayList<>();
        int refused = 0;

        for (int i = 0; i < OPERATIONS; i++) {
            long member = members.get(random.nextInt(members.size()));
            String key = member + ":op" + i;
            try {
                switch (random.nextInt(10)) {
                    case 0, 1, 2 -> reversible.add(points.earn(
                            new PointsMovement(member, 1 + random.nextInt(200), PointsSource.PURCHASE, key, null, null)).entryId());
                    case 3, 4 -> reversible.add(points.spend(
                            new PointsMovement(member, 1 + random.nextInt(150), PointsSource.REDEEM, key, null, null)).entryId());
                    case 5 -> {
                        if (!reversible.isEmpty()) {
                            long entry = reversible.get(random.nextInt(reversible.size()));
                            points.reverse(entry, random.nextBoolean() ? null : (long) (1 + random.nextInt(50)), key, null);
                        }
                    }
                    case 6 -> {
                        long delta = random.nextInt(300) - 150;
                        points.adjust(member, delta >= 0 ? delta + 1 : delta, "test", key);
                    }
                    case 7 -> {
                        String replayKey = member + ":op" + random.nextInt(i + 1);
                        points.earn(new PointsMovement(member, 5, PointsSource.SIGN_IN, replayKey, null, null));
                    }
                    case 8 -> clock.advance(Duration.ofHours(random.nextInt(24 * 8)));
                    default -> points.expireDue(member);
                }
            } catch (LoyaltyException | IllegalArgumentException expected) {
                refused++;
            }
        }

        PointsBooks books = new PointsBooks(jdbc);
        for (long member : members) {
            points.expireDue(member);
            books.assertBalanced(member);
            assertThat(points.summary(member).balance()).isEqualTo(books.balance(member));
        }
        assertThat(refused).as("some operations were refused (seed %d)", seed).isPositive().isLessThan(OPERATIONS / 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE type = 'EXPIRE' AND member_id IN (?, ?, ?, ?)",
                Long.class, members.toArray())).as("two simulated years expire something").isPositive();
    }
}
