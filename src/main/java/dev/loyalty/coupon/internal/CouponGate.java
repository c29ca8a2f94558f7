package dev.loyalty.coupon.internal;

import dev.loyalty.common.redis.RedisGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses a redemption that cannot succeed before it opens a transaction, so that in a hot-coupon rush
 * the thousands of refusals cost a Redis call instead of the MySQL transaction a success costs.
 *
 * <p>The gate keeps no copy of the stock or of the per-member counts: those the caller reads from MySQL
 * (the template row and the member's quota row, committed values). Redis holds only what MySQL cannot
 * show, the redemptions in flight: each holds a place (a token with a lease) in the template's set and
 * the member's set from before its transaction until it has taken its stock in MySQL, just before its
 * commit, or failed. One Lua script counts the live places and refuses when
 * <ul>
 *   <li>the member's committed count plus their places in flight reach the limit ({@link Verdict#LIMIT_REACHED}), or
 *   <li>the stock MySQL has left is all held by redemptions in flight ({@link Verdict#OUT_OF_STOCK});
 * </ul>
 * otherwise it takes a place for this redemption. MySQL's guarded updates still decide every success.
 *
 * <p>Why it never refuses stock that is free: a place is given up before its holder commits, so a unit
 * is never counted both as taken in MySQL and as held here; a holder that fails gives its place back at
 * once, and a place whose holder died (or whose release Redis lost) stops counting when its lease ends.
 * Losing places (FLUSHDB, a failover, a lease ending early) only lets more redemptions through to MySQL,
 * which refuses them as before. There is nothing to rebuild: stock raised or lowered by an operator, or
 * returned by a revoke, is in the template row the next redemption reads. When Redis fails, the gate steps
 * aside and MySQL decides; a Redis error never fails a redemption.
 */
@Component
public class CouponGate {

    /** The template's and the member's places, pruned of ended leases; then refuse or take a place. */
    private static final String ENTER = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
              return 0
            end
            if tonumber(ARGV[4]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then
              return -2
            end
            if tonumber(ARGV[3]) - redis.call('ZCARD', KEYS[1]) <= 0 then
              return -1
            end
            local leaseEnd = now + tonumber(ARGV[2])
            redis.call('ZADD', KEYS[1], leaseEnd, ARGV[1])
            redis.call('ZADD', KEYS[2], leaseEnd, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """;

    private static final String LEAVE = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """;

    private static final Logger log = LoggerFactory.getLogger(CouponGate.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final RScript redis;
    private final RedisGuard guard;
    private final boolean enabled;
    private final long leaseMillis;
    private final Map<Verdict, Counter> verdicts = new EnumMap<>(Verdict.class);
    private volatile long lastWarning;

    CouponGate(RedissonClient redisson, RedisGuard guard, MeterRegistry meters,
            @Value("${loyalty.coupons.gate.enabled:true}") boolean enabled,
            @Value("${loyalty.coupons.gate.lease:5s}") Duration lease,
            @Value("${loyalty.coupons.gate.timeout:200ms}") Duration timeout) {
        this.redis = redisson.getScript(OptionalOptions.defaults().codec(StringCodec.INSTANCE).timeout(timeout).retryAttempts(0));
        this.guard = guard;
        this.enabled = enabled;
        this.leaseMillis = lease.toMillis();
        for (Verdict verdict : Verdict.values()) {
            verdicts.put(verdict, Counter.builder("loyalty.coupon.gate").tag("verdict", verdict.name().toLowerCase())
                    .description("Redemptions the coupon gate let through, refused, or did not judge").register(meters));
        }
    }

    /** The key of the template's places in flight; its members' sets share its hash slot. */
    public static String placesOf(long templateId) {
        return "loyalty:coupon-gate:{" + templateId + "}";
    }

    static String placesOf(long templateId, long memberId) {
        return placesOf(templateId) + ":member:" + memberId;
    }

    /**
     * Judges one redemption of {@code templateId} by {@code memberId} under {@code redeemKey}, given what
     * MySQL shows committed: {@code stockLeft} of the template, {@code memberTaken} of the member's limit.
     * Close the pass when the redemption has taken its stock (before it commits) or has failed.
     */
    public Pass enter(long templateId, long memberId, String redeemKey, long stockLeft, int memberTaken, int limit) {
        if (!enabled) {
            return pass(Verdict.OFF, null, null);
        }
        List<Object> keys = List.of(placesOf(templateId), placesOf(templateId, memberId));
        String token = memberId + ":" + redeemKey;
        if (!guard.admits()) {
            return pass(Verdict.UNAVAILABLE, null, null);
        }
        long start = System.nanoTime();
        Long answer;
        try {
            answer = redis.eval(RScript.Mode.READ_WRITE, ENTER, RScript.ReturnType.LONG, keys, token,
                    Long.toString(leaseMillis), Long.toString(stockLeft), Integer.toString(memberTaken),
                    Integer.toString(limit));
            guard.succeeded(start);
        } catch (RedisTimeoutException noAnswer) {
            guard.failed(start, noAnswer);
            warn("had no answer in time", noAnswer);
            // the script may have run: give back the place it may have taken (idempotent), and let MySQL decide
            leave(keys, token);
            return pass(Verdict.UNAVAILABLE, null, null);
        } catch (RuntimeException redisFailed) {
            guard.failed(start, redisFailed);
            warn("could not judge a redemption", redisFailed);
            return pass(Verdict.UNAVAILABLE, null, null);
        }
        return switch (answer == null ? 0 : answer.intValue()) {
            case 1 -> pass(Verdict.HELD, keys, token);
            case -1 -> pass(Verdict.OUT_OF_STOCK, null, null);
            case -2 -> pass(Verdict.LIMIT_REACHED, null, null);
            // the same redemption is in flight already (a retry of it): MySQL answers it, as the first's twin
            default -> pass(Verdict.IN_FLIGHT, null, null);
        };
    }

    private Pass pass(Verdict verdict, List<Object> keys, String token) {
        verdicts.get(verdict).increment();
        return new Pass(verdict, keys, token);
    }

    private void leave(List<Object> keys, String token) {
        if (!guard.run(() -> redis.eval(RScript.Mode.READ_WRITE, LEAVE, RScript.ReturnType.LONG, keys, token))) {
            // the place stops counting when its lease ends
            warn("could not give back a place", null);
        }
    }

    private void warn(String what, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastWarning > WARN_EVERY_NANOS) {
            lastWarning = now;
            log.warn("Coupon gate {} (MySQL decides meanwhile){}", what, e == null ? "" : ": " + e);
        }
    }

    public enum Verdict {
        /** A place is held for this redemption. */
        HELD,
        /** Every unit of stock MySQL has left is held by redemptions in flight. */
        OUT_OF_STOCK,
        /** The member's coupons and redemptions in flight reach the template's limit. */
        LIMIT_REACHED,
        /** A redemption with the same key is in flight: no second place; MySQL answers it. */
        IN_FLIGHT,
        /** Redis did not answer: MySQL decides. */
        UNAVAILABLE,
        /** The gate is switched off ({@code loyalty.coupons.gate.enabled=false}). */
        OFF
    }

    /** The gate's verdict on one redemption, and the place it holds until closed (closing twice is harmless). */
    public final class Pass implements AutoCloseable {

        private final Verdict verdict;
        private final List<Object> keys;
        private final String token;
        private boolean held;

        private Pass(Verdict verdict, List<Object> keys, String token) {
            this.verdict = verdict;
            this.keys = keys;
            this.token = token;
            this.held = verdict == Verdict.HELD;
        }

        public Verdict verdict() {
            return verdict;
        }

        /** Gives the place up: the redemption took its stock in MySQL (call it before the commit) or failed. */
        @Override
        public void close() {
            if (held) {
                held = false;
                leave(keys, token);
            }
        }
    }
}
