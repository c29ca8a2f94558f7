package dev.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.counter.StaffBinding;
import dev.loyalty.points.PointsService;
import dev.loyalty.support.Actors;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.SeededMembers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A hot coupon, a greedy member and two counters scanning one coupon, all at once. */
class CouponConcurrencyTest extends IntegrationTest {

    private static final long PRICE = 10;

    @Autowired
    CouponTemplates templates;

    @Autowired
    CouponMall coupons;

    @Autowired
    CouponVerification verification;

    @Autowired
    PointsService points;

    @Test
    void aThousandMembersRaceForAHundredCoupons() throws Exception {
        long templateId = template(100, 1);
        List<Long> members = membersWithPoints(1000, 50);

        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        List<RedeemResult> won = race(1000, i -> () -> coupons.redeem(members.get(i), templateId, "hot"), refusals);

        assertThat(won).hasSize(100);
        assertThat(refusals).containsOnlyKeys("OUT_OF_STOCK");
        String in = inList(members);
        assertThat(count("SELECT COUNT(*) FROM coupon WHERE template_id = " + templateId)).isEqualTo(100);
        assertThat(count("SELECT taken FROM coupon_template WHERE id = " + templateId)).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE type = 'SPEND' AND member_id IN " + in)).isEqualTo(100);
        assertThat(count("SELECT SUM(balance) FROM points_account WHERE member_id IN " + in))
                .as("nobody charged without a coupon").isEqualTo(1000 * 50 - 100 * PRICE);
        assertThat(count("SELECT COUNT(*) FROM points_account a WHERE a.member_id IN " + in
                + " AND a.balance < 50 AND NOT EXISTS (SELECT 1 FROM coupon c WHERE c.member_id = a.member_id)")).isZero();
    }

    @Test
    void fiftyRedemptionsOfOneMemberWithALimitOfTwoGiveTwo() throws Exception {
        long templateId = template(100, 2);
        long member = membersWithPoints(1, 1000).get(0);

        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        List<RedeemResult> won = race(50, i -> () -> coupons.redeem(member, templateId, "greedy-" + i), refusals);

        assertThat(won).hasSize(2);
        assertThat(refusals).containsOnlyKeys("REDEEM_LIMIT_REACHED");
        assertThat(count("SELECT balance FROM points_account WHERE member_id = " + member)).isEqualTo(1000 - 2 * PRICE);
    }

    @Test
    void tenRetriesOfOneRedemptionAtOnceGiveTheSameCoupon() throws Exception {
        long templateId = template(100, 1);
        long member = membersWithPoints(1, PRICE).get(0);

        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        List<RedeemResult> results = race(10, i -> () -> coupons.redeem(member, templateId, "double-tap"), refusals);

        assertThat(refusals).isEmpty();
        assertThat(results.stream().map(r -> r.coupon().id()).distinct()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM coupon WHERE member_id = " + member)).isEqualTo(1);
        assertThat(count("SELECT balance FROM points_account WHERE member_id = " + member)).isZero();
    }

    @Test
    void twentyScansOfOneCouponUseItOnce() throws Exception {
        long templateId = template(10, 1);
        long member = membersWithPoints(1, 100).get(0);
        String code = coupons.redeem(member, templateId, "scan").coupon().code();
        long storeId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM counter_store", Long.class);

        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        List<CouponView> used = race(20, i -> () -> verification.verify(new StaffBinding(STAFF_IDS + i, storeId), code), refusals);

        assertThat(used).hasSize(1);
        assertThat(refusals).containsOnlyKeys("COUPON_ALREADY_USED");
        assertThat(jdbc.queryForObject("SELECT status FROM coupon WHERE code = ?", String.class, code)).isEqualTo("USED");
    }

    /** Staff ids far from any member's, so no clerk is the coupon's owner (who may not verify it). */
    private static final long STAFF_IDS = 1_000_000_000L;

    private long template(long stock, int perMemberLimit) {
        return Actors.asAdmin(() -> templates.createTemplate(new TemplateChange("hot " + unique("t"), CouponType.GIFT,
                0, 0, 0, 0, PRICE, stock, perMemberLimit, 30, null, null, null, true))).id();
    }

    private List<Long> membersWithPoints(int n, long amount) {
        return SeededMembers.withPoints(jdbc, points, n, amount);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String inList(List<Long> ids) {
        return "(" + ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow() + ")";
    }

    private static <T> List<T> race(int n, IntFunction<Callable<T>> call, Map<String, Integer> refusals) throws Exception {
        List<T> results = AllAtOnce.run(n, i -> {
            Callable<T> work = call.apply(i);
            return () -> {
                try {
                    return work.call();
                } catch (LoyaltyException refused) {
                    refusals.merge(refused.code(), 1, Integer::sum);
                    return null;
                }
            };
        }, Math.min(n, 50));
        List<T> done = new ArrayList<>();
        for (T result : results) {
            if (result != null) {
                done.add(result);
            }
        }
        return done;
    }
}
