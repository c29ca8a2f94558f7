package dev.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.SecondInstance;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Many threads, and a second app instance, on the same database and Redis. */
class PointsConcurrencyTest extends IntegrationTest {

    @Autowired
    PointsService points;

    @Autowired
    Environment env;

    PointsBooks books;
    long member;

    @BeforeEach
    void newMember() {
        books = new PointsBooks(jdbc);
        member = memberId(unique("race"));
    }

    @Test
    void fiftySpendsAtOnceNeverOverdraw() throws Exception {
        points.earn(new PointsMovement(member, 200, PointsSource.PURCHASE, member + ":seed", null, null));

        List<Outcome> outcomes = race(50, i -> () -> points.spend(
                new PointsMovement(member, 10, PointsSource.REDEEM, member + ":spend" + i, null, null)));

        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(20);
        assertThat(outcomes.stream().filter(o -> o.error() instanceof PointsInsufficientException)).hasSize(30);
        assertThat(books.balance(member)).isZero();
        assertThat(books.rows(member, "SPEND")).isEqualTo(20);
        books.assertBalanced(member);
    }

    @Test
    void fiftyRepeatsOfOneKeyAtOnceHaveOneEffect() throws Exception {
        String key = member + ":signin:today";

        List<Outcome> outcomes = race(50, i -> () -> points.earn(
                new PointsMovement(member, 7, PointsSource.SIGN_IN, key, null, null)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.result().entryId()).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.result().replayed())).hasSize(1);
        assertThat(books.balance(member)).isEqualTo(7);
        assertThat(books.rows(member, "EARN")).isEqualTo(1);
        books.assertBalanced(member);
    }

    @Test
    void twoAppInstancesSpendingFromOneMemberNeverOverdraw() throws Exception {
        points.earn(new PointsMovement(member, 300, PointsSource.PURCHASE, member + ":seed", null, null));
        try (ConfigurableApplicationContext second = secondInstance()) {
            PointsService other = second.getBean(PointsService.class);

            List<Outcome> outcomes = race(60, i -> () -> (i % 2 == 0 ? points : other).spend(
                    new PointsMovement(member, 10, PointsSource.REDEEM, member + ":two" + i, null, null)));

            assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(30);
            assertThat(books.balance(member)).isZero();
            books.assertBalanced(member);
        }
    }

    @Test
    void twoAppInstancesRepeatingOneKeyHaveOneEffect() throws Exception {
        try (ConfigurableApplicationContext second = secondInstance()) {
            PointsService other = second.getBean(PointsService.class);
            String key = member + ":order-1";

            List<Outcome> outcomes = race(40, i -> () -> (i % 2 == 0 ? points : other).earn(
                    new PointsMovement(member, 123, PointsSource.PURCHASE, key, null, null)));

            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertThat(books.rows(member, "EARN")).isEqualTo(1);
            assertThat(books.balance(member)).isEqualTo(123);
        }
    }

    private ConfigurableApplicationContext secondInstance() {
        return SecondInstance.start(env);
    }

    private static List<Outcome> race(int threads, IntFunction<Callable<PointsResult>> call)
            throws Exception {
        List<Outcome> outcomes = AllAtOnce.run(threads, i -> {
            Callable<PointsResult> work = call.apply(i);
            return () -> {
                try {
                    return new Outcome(work.call(), null);
                } catch (RuntimeException e) {
                    return new Outcome(null, e);
                }
            };
        });
        outcomes.stream().filter(o -> o.error() != null && !(o.error() instanceof PointsInsufficientException))
                .findFirst().ifPresent(o -> {
                    throw new AssertionError("unexpected failure", o.error());
                });
        return outcomes;
    }

    record Outcome(PointsResult result, RuntimeException error) {

        boolean succeeded() {
            return result != null;
        }
    }
}
