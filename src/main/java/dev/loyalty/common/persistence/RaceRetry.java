package dev.loyalty.common.persistence;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The one way to retry a lost race. A transaction loses a race when its first insert meets a duplicate key
 * (another request wrote the same natural key first) or when it loses a row lock (deadlock, lock wait
 * timeout). Each attempt is a whole transaction of its own; a lost one rolled back, so it can run again.
 * After a lost race the caller may name the winner: the row the other request wrote, whose result then is
 * the answer. Anything else an attempt throws passes through at once.
 */
public final class RaceRetry {

    /** Attempts in all, the first included; the last lost race is rethrown. */
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(RaceRetry.class);

    private RaceRetry() {
    }

    /**
     * Runs {@code attempt}; after a duplicate key or a lost lock asks {@code winner} (given what was thrown)
     * and answers what it finds, else tries again, at most {@link #ATTEMPTS} times in all.
     */
    public static <T> T onRace(String what, Supplier<T> attempt, Function<RuntimeException, Optional<T>> winner) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (DuplicateKeyException | PessimisticLockingFailureException lost) {
                Optional<T> won = winner.apply(lost);
                if (won.isPresent()) {
                    return won.get();
                }
                giveUpAfter(what, n, lost);
            }
        }
    }

    /** Runs {@code attempt} again after a duplicate key or a lost lock, at most {@link #ATTEMPTS} times in all. */
    public static <T> T onRace(String what, Supplier<T> attempt) {
        return onRace(what, attempt, lost -> Optional.empty());
    }

    /** Runs {@code attempt} again only after a lost lock; a duplicate key passes through. */
    public static <T> T onLockLost(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (PessimisticLockingFailureException lost) {
                giveUpAfter(what, n, lost);
            }
        }
    }

    private static void giveUpAfter(String what, int attempt, RuntimeException lost) {
        if (attempt >= ATTEMPTS) {
            throw lost;
        }
        log.debug("{} lost a race on attempt {} of {}: {}", what, attempt, ATTEMPTS, lost.getClass().getSimpleName());
    }
}
