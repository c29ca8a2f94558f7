package dev.loyalty.open.web;

import dev.loyalty.common.ratelimit.RateLimits;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.open.TillKey;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The way into every open API action, as {@code StaffGate} is for staff: the verified key acts at its store as a
 * till, and each action counts against the key's rate limit ({@code loyalty.open.actions-per-minute}).
 */
@Component
class TillGate {

    private final RateLimits rateLimits;
    private final long actionsPerMinute;

    TillGate(RateLimits rateLimits, @Value("${loyalty.open.actions-per-minute:300}") long actionsPerMinute) {
        this.rateLimits = rateLimits;
        this.actionsPerMinute = actionsPerMinute;
    }

    StaffBinding enter(TillKey key) {
        rateLimits.acquire("api-key", key.keyId(), actionsPerMinute, Duration.ofMinutes(1));
        return StaffBinding.till(key.storeId(), key.id());
    }
}
