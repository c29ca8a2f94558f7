package dev.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.loyalty.common.error.IdempotencyConflictException;
import dev.loyalty.support.IntegrationTest;
import dev.loyalty.support.RecordedPointsEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PointsLedgerTest extends IntegrationTest {

    @Autowired
    PointsService points;

    @Autowired
    RecordedPointsEvents events;

    PointsBooks books;
    long member;

    @BeforeEach
    void newMember() {
        books = new PointsBooks(jdbc);
        member = memberId(unique("ledger"));
    }

    @Test
    void earningWritesOneRowAndOneLot() {
        PointsResult result = points.earn(earn(100, "k1"));

        assertThat(result.balanceAfter()).isEqualTo(100);
        assertThat(result.type()).isEqualTo(PointsEntryType.EARN);
        assertThat(result.replayed()).isFalse();
        assertThat(points.summary(member).balance()).isEqualTo(100);
        books.assertBalanced(member);
    }

    @Test
    void repeatingAKeyAnswersTheFirstResultAndChangesNothing() {
        PointsResult first = points.earn(earn(100, "same"));
        PointsResult again = points.earn(earn(100, "same"));

        assertThat(again.entryId()).isEqualTo(first.entryId());
        assertThat(again.replayed()).isTrue();
        assertThat(books.balance(member)).isEqualTo(100);
        assertThat(books.rows(member, "EARN")).isEqualTo(1);
    }

    @Test
    void keysThatDifferOnlyInCaseAreDifferentKeys() {
        points.earn(earn(10, "Order-A"));
        PointsResult other = points.earn(earn(10, "order-a"));

        assertThat(other.replayed()).isFalse();
        assertThat(books.rows(member, "EARN")).isEqualTo(2);
    }

    @Test
    void aKeyReplayedWithADifferentAmountIsAConflict() {
        points.earn(earn(100, "once"));

        assertThatThrownBy(() -> points.earn(earn(101, "once"))).isInstanceOf(IdempotencyConflictException.class);
        assertThat(books.balance(member)).isEqualTo(100);
    }

    @Test
    void spendingMoreThanTheBalanceIsRefusedAndChangesNothing() {
        points.earn(earn(50, "e"));

        assertThatThrownBy(() -> points.spend(spend(51, "s")))
                .isInstanceOf(PointsInsufficientException.class)
                .extracting("code").isEqualTo("POINTS_INSUFFICIENT");
        assertThat(books.balance(member)).isEqualTo(50);
        assertThat(books.rows(member, "SPEND")).isZero();
        books.assertBalanced(member);
    }

    @Test
    void spendingTakesTheLotsThatExpireFirst() {
        long first = points.earn(earn(10, "d1")).entryId();
        clock.advance(Duration.ofDays(10));
        long second = points.earn(earn(20, "d2")).entryId();
        clock.advance(Duration.ofDays(10));
        long third = points.earn(earn(30, "d3")).entryId();

        long spendId = points.spend(spend(25, "s")).entryId();

        assertThat(drawnFrom(spendId)).containsExactly(Map.entry(first, 10L), Map.entry(second, 15L));
        assertThat(remainingOf(first)).isZero();
        assertThat(remainingOf(second)).isEqualTo(5);
        assertThat(remainingOf(third)).isEqualTo(30);
        books.assertBalanced(member);
    }

    @Test
    void expiryWritesOffExactlyTheUnspentRemainderOfEachLot() {
        long first = points.earn(earn(10, "d1")).entryId();
        clock.advance(Duration.ofDays(10));
        long second = points.earn(earn(20, "d2")).entryId();
        clock.advance(Duration.ofDays(10));
        points.earn(earn(30, "d3"));
        points.spend(spend(25, "s"));

        clock.advance(Duration.ofDays(357));
        assertThat(points.summary(member).balance()).as("the second lot's 5 points are gone before the job runs")
                .isEqualTo(30);
        int written = points.expireDue(member);

        assertThat(written).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT delta FROM points_entry WHERE member_id = ? AND type = 'EXPIRE'",
                Long.class, member)).containsExactly(-5L);
        assertThat(remainingOf(first)).isZero();
        assertThat(remainingOf(second)).isZero();
        assertThat(points.summary(member).balance()).isEqualTo(30);
        assertThat(points.summary(member).totalExpired()).isEqualTo(5);
        assertThat(points.expireDue(member)).as("running again writes nothing").isZero();
        books.assertBalanced(member);
    }

    @Test
    void pointsExpireAtTheEndOfTheDayInTheBusinessZone() {
        points.earn(earn(10, "e"));
        String lastDay = jdbc.queryForObject("SELECT expires_at FROM points_lot WHERE member_id = ?",
                java.sql.Timestamp.class, member).toInstant().minusNanos(1).atZone(clock.getZone()).toLocalDate().toString();
        java.time.LocalDate today = java.time.LocalDate.now(clock);

        assertThat(lastDay).isEqualTo(today.plusDays(365).toString());
    }

    @Test
    void aSpendNeverUsesPointsPastTheirExpiryEvenBeforeTheJobRuns() {
        points.earn(earn(40, "old"));
        clock.advance(Duration.ofDays(367));

        assertThatThrownBy(() -> points.spend(spend(10, "s"))).isInstanceOf(PointsInsufficientException.class);
        assertThat(points.balance(member)).isZero();
    }

    @Test
    void reversingASpentEarningLeavesADebtThatTheNextEarningPaysFirst() {
        long purchase = points.earn(earn(100, "purchase")).entryId();
        points.spend(spend(80, "coupon"));

        PointsResult refund = points.reverse(purchase, null, key("refund"), "order refunded");
        assertThat(refund.delta()).isEqualTo(-100);
        assertThat(refund.balanceAfter()).isEqualTo(-80);
        books.assertBalanced(member);

        PointsResult next = points.earn(earn(50, "next"));
        assertThat(next.balanceAfter()).isEqualTo(-30);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id = ?",
                Long.class, member)).as("the debt took all 50").isZero();
        PointsResult after = points.earn(earn(50, "after"));
        assertThat(after.balanceAfter()).isEqualTo(20);
        books.assertBalanced(member);
    }

    @Test
    void partialReversalsNeverExceedTheOriginal() {
        long purchase = points.earn(earn(100, "purchase")).entryId();

        points.reverse(purchase, 30L, key("r1"), null);
        points.reverse(purchase, 70L, key("r2"), null);

        assertThatThrownBy(() -> points.reverse(purchase, 1L, key("r3"), null)).isInstanceOf(NotReversibleException.class);
        assertThat(books.balance(member)).isZero();
        books.assertBalanced(member);
    }

    @Test
    void reversingASpendGivesThePointsBack() {
        points.earn(earn(100, "e"));
        long spend = points.spend(spend(60, "redeem")).entryId();

        PointsResult back = points.reverse(spend, null, key("revoke"), "coupon revoked");

        assertThat(back.delta()).isEqualTo(60);
        assertThat(back.balanceAfter()).isEqualTo(100);
        assertThat(points.summary(member).totalSpent()).isZero();
        books.assertBalanced(member);
    }

    @Test
    void aRepeatedSpendAnswersTheFirstResultEvenWhenTheBalanceNoLongerCoversIt() {
        points.earn(earn(150, "e"));
        PointsResult first = points.spend(spend(100, "double-tap"));

        PointsResult again = points.spend(spend(100, "double-tap"));

        assertThat(again.entryId()).isEqualTo(first.entryId());
        assertThat(again.replayed()).isTrue();
        assertThatThrownBy(() -> points.spend(spend(120, "double-tap"))).isInstanceOf(IdempotencyConflictException.class);
        assertThat(books.balance(member)).isEqualTo(50);
    }

    @Test
    void aRepeatedFullReversalAnswersTheFirstResult() {
        long purchase = points.earn(earn(100, "purchase")).entryId();
        PointsResult first = points.reverse(purchase, null, key("refund"), null);

        PointsResult again = points.reverse(purchase, null, key("refund"), null);

        assertThat(again.entryId()).isEqualTo(first.entryId());
        assertThat(books.balance(member)).isZero();
    }

    @Test
    void reversingAnEarningWhosePointsExpiredTakesBackOnlyWhatDidNotExpire() {
        long purchase = points.earn(earn(100, "purchase")).entryId();
        points.spend(spend(40, "spent"));
        clock.advance(Duration.ofDays(400));
        points.expireDue(member);

        PointsResult refund = points.reverse(purchase, null, key("refund"), "late refund");

        assertThat(refund.delta()).as("the 60 that expired are not taken twice").isEqualTo(-40);
        assertThat(refund.balanceAfter()).isEqualTo(-40);
        assertThatThrownBy(() -> points.reverse(purchase, null, key("refund-2"), null))
                .isInstanceOf(NotReversibleException.class);
        books.assertBalanced(member);
    }

    @Test
    void expiryRowsAndReversalsAreNotReversible() {
        long purchase = points.earn(earn(10, "e")).entryId();
        long reversal = points.reverse(purchase, null, key("r"), null).entryId();

        assertThatThrownBy(() -> points.reverse(reversal, null, key("rr"), null)).isInstanceOf(NotReversibleException.class);
    }

    @Test
    void everyCommittedChangePublishesOneEventAndARefusalNone() {
        points.earn(earn(30, "e"));
        points.earn(earn(30, "e"));
        points.spend(spend(10, "s"));
        assertThatThrownBy(() -> points.spend(spend(100, "too-much"))).isInstanceOf(PointsInsufficientException.class);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events.of(member)).hasSize(2));
        List<PointsChanged> published = events.of(member);
        assertThat(published).extracting(PointsChanged::delta).containsExactlyInAnyOrder(30L, -10L);
        assertThat(published).extracting(PointsChanged::balance).containsExactlyInAnyOrder(30L, 20L);
        assertThat(published).extracting(PointsChanged::type).containsExactlyInAnyOrder(PointsEntryType.EARN, PointsEntryType.SPEND);
    }

    private PointsMovement earn(long amount, String key) {
        return new PointsMovement(member, amount, PointsSource.PURCHASE, member + ":" + key, null, null);
    }

    private PointsMovement spend(long amount, String key) {
        return new PointsMovement(member, amount, PointsSource.REDEEM, member + ":" + key, null, null);
    }

    private String key(String name) {
        return member + ":" + name;
    }

    private long remainingOf(long earnEntryId) {
        return jdbc.queryForObject("SELECT remaining FROM points_lot WHERE entry_id = ?", Long.class, earnEntryId);
    }

    private List<Map.Entry<Long, Long>> drawnFrom(long spendEntryId) {
        return jdbc.query("""
                SELECT l.entry_id, d.amount FROM points_lot_draw d JOIN points_lot l ON l.id = d.lot_id
                 WHERE d.entry_id = ? ORDER BY d.id""",
                (rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)), spendEntryId);
    }
}
