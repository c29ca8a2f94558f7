package dev.loyalty.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.Api;
import dev.loyalty.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Exactly once, whatever the taps, the crowd or Redis do. Runs on the real MariaDB and Redis in CI. */
class SignInConcurrencyTest extends IntegrationTest {

    @Autowired
    SignInService signIns;

    @Autowired
    RedissonClient redisson;

    @Test
    void twentyTapsAtOnceGiveOneSignInAndOneAward() throws Exception {
        clock.pinAt(LocalDate.of(2032, 1, 5));
        String code = unique("taps");
        long member = memberId(code);
        Api me = api.as(loginMember(code));

        List<Api.Response> responses = all(20, i -> () -> me.post("/api/app/sign-ins", null));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses.stream().filter(r -> !r.json().path("alreadySignedIn").asBoolean())).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM signin_record WHERE member_id = ?", member)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE member_id = ?", member)).isEqualTo(1);
        assertThat(count("SELECT balance FROM points_account WHERE member_id = ?", member)).isEqualTo(5);
    }

    @Test
    void fiveHundredMembersAtOnceAllSignInExactlyOnce() throws Exception {
        LocalDate day = LocalDate.of(2032, 2, 7);
        clock.pinAt(day);
        List<Long> members = createMembers(500);

        List<SignInResult> results = all(500, i -> () -> signIns.signIn(members.get(i)), 32);
        List<SignInResult> again = all(500, i -> () -> signIns.signIn(members.get(i)), 32);

        assertThat(results).allSatisfy(r -> assertThat(r.alreadySignedIn()).isFalse());
        assertThat(again).allSatisfy(r -> assertThat(r.alreadySignedIn()).isTrue());
        String inList = members.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        assertThat(count("SELECT COUNT(*) FROM signin_record WHERE sign_date = '" + day + "' AND member_id IN (" + inList + ")"))
                .isEqualTo(500);
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE type = 'EARN' AND member_id IN (" + inList + ")"))
                .isEqualTo(500);
        assertThat(count("SELECT SUM(balance) FROM points_account WHERE member_id IN (" + inList + ")"))
                .isEqualTo(500 * 5);
        assertThat(count("SELECT SUM(points) FROM signin_record WHERE member_id IN (" + inList + ")"))
                .as("what the records say they earned is what the ledger holds").isEqualTo(500 * 5);
    }

    @Test
    void aFlushedRedisNeverAllowsASecondAward() {
        clock.pinAt(LocalDate.of(2032, 3, 9));
        String code = unique("flush");
        long member = memberId(code);
        Api me = api.as(loginMember(code));

        me.post("/api/app/sign-ins", null);
        redisson.getKeys().flushdb();
        Api.Response second = me.post("/api/app/sign-ins", null);

        assertThat(second.json().path("alreadySignedIn").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE member_id = ?", member)).isEqualTo(1);
    }

    @Test
    void aScriptHammeringSignInIsLimitedAndStillSignsInOnce() {
        clock.pinAt(LocalDate.of(2032, 4, 11));
        String code = unique("script");
        long member = memberId(code);
        Api me = api.as(loginMember(code));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(me.post("/api/app/sign-ins", null).status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(me.post("/api/app/sign-ins", null).code()).isEqualTo("RATE_LIMITED");
        assertThat(count("SELECT COUNT(*) FROM signin_record WHERE member_id = ?", member)).isEqualTo(1);
    }

    private List<Long> createMembers(int n) {
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = unique("crowd");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jdbc.update("INSERT INTO member (openid, level_code, growth, created_at, updated_at) VALUES (?, 'BASE', 0, ?, ?)",
                    prefix + "-" + i, now, now);
            ids.add(jdbc.queryForObject("SELECT id FROM member WHERE openid = ?", Long.class, prefix + "-" + i));
        }
        return ids;
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private static <T> List<T> all(int n, IntFunction<Callable<T>> call) throws Exception {
        return all(n, call, n);
    }

    private static <T> List<T> all(int n, IntFunction<Callable<T>> call, int threads) throws Exception {
        return AllAtOnce.run(n, call, threads);
    }
}
