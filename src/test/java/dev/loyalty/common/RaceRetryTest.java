package dev.loyalty.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.common.persistence.RaceRetry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;

class RaceRetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void answersTheWinnerOfADuplicateKey() {
        String answer = RaceRetry.onRace("test", () -> {
            attempts.incrementAndGet();
            throw new DuplicateKeyException("taken");
        }, lost -> Optional.of("winner"));

        assertThat(answer).isEqualTo("winner");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void triesAgainAfterALostLockUntilAnAttemptSucceeds() {
        String answer = RaceRetry.onRace("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock");
            }
            return "third";
        });

        assertThat(answer).isEqualTo("third");
    }

    @Test
    void rethrowsTheThirdLostRace() {
        assertThatThrownBy(() -> RaceRetry.onRace("test", () -> {
            attempts.incrementAndGet();
            throw new DuplicateKeyException("taken");
        }, lost -> Optional.empty())).isInstanceOf(DuplicateKeyException.class);

        assertThat(attempts).hasValue(RaceRetry.ATTEMPTS);
    }

    @Test
    void passesAnythingElseThroughAtOnce() {
        assertThatThrownBy(() -> RaceRetry.onRace("test", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void onLockLostLetsADuplicateKeyThrough() {
        assertThatThrownBy(() -> RaceRetry.onLockLost("test", () -> {
            attempts.incrementAndGet();
            throw new DuplicateKeyException("taken");
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(attempts).hasValue(1);
    }
}
