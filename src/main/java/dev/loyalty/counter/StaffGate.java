package dev.loyalty.counter;

import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.common.security.Actor;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The way into every {@code /api/staff/**} action: the caller must be bound to a store (403 NOT_STAFF
 * otherwise), and each action counts against the staff member's rate limit.
 */
@Component
public class StaffGate {

    private static final long ACTIONS_PER_MINUTE = 120;

    private final CounterService counter;
    private final RateLimits rateLimits;

    StaffGate(CounterService counter, RateLimits rateLimits) {
        this.counter = counter;
        this.rateLimits = rateLimits;
    }

    public StaffBinding enter(Actor actor) {
        StaffBinding binding = counter.requireStaff(actor.id());
        rateLimits.acquire("staff", Long.toString(actor.id()), ACTIONS_PER_MINUTE, Duration.ofMinutes(1));
        return binding;
    }
}
