package dev.loyalty.signin.internal;

import dev.loyalty.common.redis.RedisGuard;
import dev.loyalty.common.redis.RedisReturned;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.redisson.api.RBucket;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Streaks in Redis sorted sets, one per date: a member's streak is alive while they signed today or
 * yesterday, so the board is the union (max) of the two days, cached for a few seconds. Redis holds a
 * copy only: a day's set is (re)built from MySQL whenever its "loaded" marker is missing, and a sign-in
 * adds itself only to a set that was loaded, so a flushed Redis never shows a partial board. While Redis
 * is away the board is read from MySQL, sign-ins are not added, and when it returns both days are
 * rebuilt, so that nobody who signed in meanwhile is missing.
 */
@Component
public class StreakLeaderboard {

    private static final Logger log = LoggerFactory.getLogger(StreakLeaderboard.class);
    private static final String PREFIX = "loyalty:lb:streak:";
    private static final Duration DAY_TTL = Duration.ofDays(3);
    private static final Duration BOARD_TTL = Duration.ofSeconds(10);
    /** Adds a streak only to a day whose set was loaded from MySQL, so a flushed Redis never shows a partial board. */
    private static final String RECORD = """
            if redis.call('exists', KEYS[2]) == 1 then
              redis.call('zadd', KEYS[1], ARGV[1], ARGV[2])
              redis.call('pexpire', KEYS[1], ARGV[3])
              return 1
            end
            return 0
            """;

    private final RedissonClient redisson;
    private final RedisGuard redis;
    private final SignInRecordMapper records;
    private final Clock clock;

    StreakLeaderboard(RedissonClient redisson, RedisGuard redis, SignInRecordMapper records, Clock clock) {
        this.redisson = redisson;
        this.redis = redis;
        this.records = records;
        this.clock = clock;
    }

    /**
     * After a commit: the member's streak on a date, in one round trip that the sign-in does not wait for
     * (a lost update costs the board nothing lasting: it is rebuilt from MySQL).
     */
    public void record(long memberId, LocalDate date, int streak) {
        if (!redis.admits()) {
            return;
        }
        long start = System.nanoTime();
        try {
            redisson.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, RECORD, RScript.ReturnType.LONG,
                            List.of(PREFIX + date, PREFIX + date + ":loaded"), streak, memberId, DAY_TTL.toMillis())
                    .whenComplete((added, failure) -> {
                        if (failure == null) {
                            redis.succeeded(start);
                        } else {
                            redis.failed(start, failure);
                        }
                    });
        } catch (RuntimeException e) {
            redis.failed(start, e);
        }
    }

    /** After a makeup renumbered streaks: the day sets are rebuilt from MySQL on the next read. */
    public void forget(Collection<LocalDate> dates) {
        boolean forgotten = redis.run(() -> {
            for (LocalDate date : dates) {
                loadedMarker(date).delete();
                redisson.getBucket(PREFIX + "current:" + date).delete();
            }
        });
        if (!forgotten) {
            log.warn("Could not reset the streak leaderboard of {}; it is rebuilt when Redis returns", dates);
        }
    }

    @EventListener
    void on(RedisReturned returned) {
        LocalDate today = LocalDate.now(clock);
        forget(List.of(today, today.minusDays(1)));
    }

    public List<ScoredEntry<Long>> top(LocalDate today, int n) {
        return redis.call(() -> List.copyOf(current(today).entryRangeReversed(0, n - 1)),
                () -> records.longestLiveStreaks(today, today.minusDays(1), n).stream()
                        .map(r -> new ScoredEntry<>((double) r.getStreak(), r.getMemberId()))
                        .toList());
    }

    /** 1-based rank, or null when the member has no live streak. */
    public Integer rankOf(LocalDate today, long memberId) {
        return redis.call(() -> {
            Integer rank = current(today).revRank(memberId);
            return rank == null ? null : rank + 1;
        }, () -> {
            Integer streak = records.liveStreak(memberId, today, today.minusDays(1));
            return streak == null ? null : Math.toIntExact(records.liveStreaksLongerThan(today, today.minusDays(1), streak) + 1);
        });
    }

    private RScoredSortedSet<Long> current(LocalDate today) {
        RScoredSortedSet<Long> board = redisson.getScoredSortedSet(PREFIX + "current:" + today, LongCodec.INSTANCE);
        if (!board.isExists()) {
            LocalDate yesterday = today.minusDays(1);
            ensureLoaded(today);
            ensureLoaded(yesterday);
            board.union(RScoredSortedSet.Aggregate.MAX, PREFIX + today, PREFIX + yesterday);
            board.expire(BOARD_TTL);
        }
        return board;
    }

    private void ensureLoaded(LocalDate date) {
        RBucket<String> marker = loadedMarker(date);
        if (marker.setIfAbsent("1", DAY_TTL)) {
            RScoredSortedSet<Long> day = day(date);
            for (SignInRecord record : records.on(date)) {
                day.add(record.getStreak(), record.getMemberId());
            }
            day.expire(DAY_TTL);
        }
    }

    private RScoredSortedSet<Long> day(LocalDate date) {
        return redisson.getScoredSortedSet(PREFIX + date, LongCodec.INSTANCE);
    }

    private RBucket<String> loadedMarker(LocalDate date) {
        return redisson.getBucket(PREFIX + date + ":loaded", StringCodec.INSTANCE);
    }
}
