package dev.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.coupon.internal.CouponGate;
import dev.loyalty.points.PointsService;
import dev.loyalty.support.Actors;
import dev.loyalty.support.AllAtOnce;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.SeededMembers;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The Redis gate in front of redemptions: refusals of a rush are answered in Redis, MySQL still decides
 * every success, and whatever Redis holds or loses, stock MySQL has is never refused.
 */
class CouponGateTest extends IntegrationTest {

    private static final long PRICE = 10;
    private static final int CLIENTS = 64;

    @Autowired
    CouponTemplates templates;

    @Autowired
    CouponMall mall;

    @Autowired
    PointsService points;

    @Autowired
    RedissonClient redisson;

    @Autowired
    MeterRegistry meters;

    @Value("${loyalty.redis.embedded:false}")
    boolean embeddedRedis;

    @Test
    void sixtyFourClientsOfThreeHundredMembersTakeExactlyTheHundredCouponsAndTheGateAnswersTheRest() throws Exception {
        long templateId = template(100, 1);
        List<Long> members = membersWithPoints(300, 50);
        double refusedBefore = verdicts("out_of_stock");

        Map<String, Integer> refusals = rush(templateId, members, () -> { });

        assertThat(refusals).containsOnly(Map.entry("OUT_OF_STOCK", 200));
        assertSoldExactly(templateId, 100, members, 50);
        assertThat(verdicts("out_of_stock") - refusedBefore)
                .as("refusals the gate answered while the last coupons were held by redemptions in flight").isPositive();
        assertThat(placesHeld(templateId)).as("every place was given up").isZero();
    }

    @Test
    void redisLosingEverythingMidRushNeitherOversellsNorLeavesStockUnsold() throws Exception {
        long templateId = template(100, 1);
        List<Long> members = membersWithPoints(300, 50);
        AtomicInteger issued = new AtomicInteger();

        Map<String, Integer> refusals = rush(templateId, members, () -> {
            if (issued.incrementAndGet() == 30) {
                forgetRedis();
            }
        });

        assertThat(refusals).containsOnly(Map.entry("OUT_OF_STOCK", 200));
        assertSoldExactly(templateId, 100, members, 50);
    }

    @Test
    void staleOrBrokenStateInRedisNeverRefusesStockMySqlHas() {
        long templateId = template(5, 1);
        List<Long> members = membersWithPoints(2, 50);
        String places = CouponGate.placesOf(templateId);
        long past = System.currentTimeMillis() - 60_000;
        for (int i = 0; i < 5; i++) {
            redisson.getScoredSortedSet(places, StringCodec.INSTANCE).add(past, "dead-instance:" + i);
        }

        assertThat(mall.redeem(members.get(0), templateId, "k").replayed()).as("places whose lease ended").isFalse();

        redisson.getBucket(places, StringCodec.INSTANCE).set("0");
        try {
            assertThat(mall.redeem(members.get(1), templateId, "k").replayed()).as("a key of the wrong type").isFalse();
        } finally {
            redisson.getBucket(places).delete();
        }
        assertThat(count("SELECT taken FROM coupon_template WHERE id = " + templateId)).isEqualTo(2);
    }

    @Test
    void placesLeftByAnInstanceThatDiedHoldTheirStockOnlyUntilTheirLeaseEnds() throws Exception {
        long templateId = template(2, 1);
        long member = membersWithPoints(1, 50).get(0);
        long leaseEnd = System.currentTimeMillis() + 1_500;
        for (int i = 0; i < 2; i++) {
            redisson.getScoredSortedSet(CouponGate.placesOf(templateId), StringCodec.INSTANCE).add(leaseEnd, "died:" + i);
        }

        assertThatThrownBy(() -> mall.redeem(member, templateId, "early")).isInstanceOf(LoyaltyException.class)
                .extracting(e -> ((LoyaltyException) e).code()).isEqualTo("OUT_OF_STOCK");
        Thread.sleep(Math.max(0, leaseEnd - System.currentTimeMillis()) + 100);

        assertThat(mall.redeem(member, templateId, "later").replayed()).isFalse();
    }

    @Test
    void aRedemptionThatFailsGivesItsPlaceBack() {
        long templateId = template(1, 1);
        long broke = membersWithPoints(1, PRICE - 1).get(0);
        long rich = membersWithPoints(1, PRICE).get(0);

        assertThatThrownBy(() -> mall.redeem(broke, templateId, "k")).isInstanceOf(LoyaltyException.class)
                .extracting(e -> ((LoyaltyException) e).code()).isEqualTo("POINTS_INSUFFICIENT");

        assertThat(placesHeld(templateId)).isZero();
        assertThat(mall.redeem(rich, templateId, "k").replayed()).isFalse();
    }

    @Test
    void aRevokedCouponsStockGoesToTheNextMember() {
        long templateId = template(1, 1);
        List<Long> members = membersWithPoints(2, PRICE);
        long couponId = mall.redeem(members.get(0), templateId, "first").coupon().id();
        assertThatThrownBy(() -> mall.redeem(members.get(1), templateId, "second")).isInstanceOf(LoyaltyException.class);

        Actors.asAdmin(() -> mall.revoke(couponId));

        assertThat(mall.redeem(members.get(1), templateId, "second again").replayed()).isFalse();
        assertThat(count("SELECT taken FROM coupon_template WHERE id = " + templateId)).isEqualTo(1);
    }

    @Test
    void stockAnOperatorAddsIsOnSaleAtOnce() {
        long templateId = template(1, 1);
        List<Long> members = membersWithPoints(2, PRICE);
        mall.redeem(members.get(0), templateId, "first");

        Actors.asAdmin(() -> templates.updateTemplate(templateId, change("more " + templateId, 2, 1)));

        assertThat(mall.redeem(members.get(1), templateId, "second").replayed()).isFalse();
    }

    private Map<String, Integer> rush(long templateId, List<Long> members, Runnable afterEachCoupon) throws Exception {
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AllAtOnce.run(members.size(), i -> () -> {
            try {
                mall.redeem(members.get(i), templateId, "rush");
                afterEachCoupon.run();
            } catch (LoyaltyException refused) {
                refusals.merge(refused.code(), 1, Integer::sum);
            }
            return null;
        }, CLIENTS);
        return refusals;
    }

    /** Exactly {@code stock} coupons, stock all taken, and only their holders paid. */
    private void assertSoldExactly(long templateId, long stock, List<Long> members, long pointsEach) {
        String in = "(" + members.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow() + ")";
        assertThat(count("SELECT COUNT(*) FROM coupon WHERE template_id = " + templateId)).isEqualTo(stock);
        assertThat(count("SELECT taken FROM coupon_template WHERE id = " + templateId)).isEqualTo(stock);
        assertThat(count("SELECT COUNT(*) FROM points_entry WHERE type = 'SPEND' AND member_id IN " + in)).isEqualTo(stock);
        assertThat(count("SELECT SUM(balance) FROM points_account WHERE member_id IN " + in))
                .as("nobody charged without a coupon").isEqualTo(members.size() * pointsEach - stock * PRICE);
        assertThat(count("SELECT SUM(delta) FROM points_entry WHERE member_id IN " + in))
                .as("the ledger sums to the balances").isEqualTo(members.size() * pointsEach - stock * PRICE);
        assertThat(count("SELECT COUNT(*) FROM points_account a WHERE a.member_id IN " + in
                + " AND a.balance < " + pointsEach
                + " AND NOT EXISTS (SELECT 1 FROM coupon c WHERE c.member_id = a.member_id)")).isZero();
    }

    /**
     * FLUSHDB on the embedded Redis, which is this test run's alone; on a shared Redis only the gate's keys,
     * so that other runs using it keep theirs.
     */
    private void forgetRedis() {
        if (embeddedRedis) {
            redisson.getKeys().flushdb();
        } else {
            redisson.getKeys().deleteByPattern("loyalty:coupon-gate:*");
        }
    }

    private int placesHeld(long templateId) {
        return redisson.getScoredSortedSet(CouponGate.placesOf(templateId), StringCodec.INSTANCE).size();
    }

    private double verdicts(String verdict) {
        return meters.get("loyalty.coupon.gate").tag("verdict", verdict).counter().count();
    }

    private long template(long stock, int perMemberLimit) {
        return Actors.asAdmin(() -> templates.createTemplate(change(unique("gate"), stock, perMemberLimit))).id();
    }

    private static TemplateChange change(String name, long stock, int perMemberLimit) {
        return new TemplateChange("hot " + name, CouponType.GIFT, 0, 0, 0, 0, PRICE, stock, perMemberLimit, 30, null, null,
                null, true);
    }

    private List<Long> membersWithPoints(int n, long amount) {
        return SeededMembers.withPoints(jdbc, points, n, amount);
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
