package dev.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.member.Segment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each segment at the edges of its window, with the default windows: 30 / 30 / 90 / 90 days and the top 20 %. */
class SegmenterTest {

    private static final SegmentWindows DEFAULTS = new SegmentWindows(30, 30, 90, 90, 20);
    private static final LocalDate TODAY = LocalDate.of(2030, 3, 31);
    private static final LocalDate LONG_AGO = LocalDate.of(2029, 1, 1);

    /** Ten spenders: 1,000 … 10,000 yuan; the top 20 % are the two who spent 9,000 and 10,000. */
    private final Segmenter segmenter = new Segmenter(DEFAULTS, TODAY,
            List.of(100_000L, 200_000L, 300_000L, 400_000L, 500_000L, 600_000L, 700_000L, 800_000L, 900_000L, 1_000_000L));

    @Test
    void theTopFifthOfSpendersWhoAreStillActiveAreHighValue() {
        assertThat(segmenter.segmentOf(LONG_AGO, TODAY, 900_000)).isEqualTo(Segment.HIGH_VALUE);
        assertThat(segmenter.segmentOf(LONG_AGO, TODAY, 899_999)).isEqualTo(Segment.REGULAR);
        assertThat(segmenter.segmentOf(LONG_AGO, day(-29), 1_000_000)).as("active 30 days ago, today included")
                .isEqualTo(Segment.HIGH_VALUE);
        assertThat(segmenter.segmentOf(LONG_AGO, day(-30), 1_000_000)).as("a big spender gone quiet")
                .isEqualTo(Segment.AT_RISK);
    }

    @Test
    void theTopFifthRoundsUpAndKeepsTies() {
        Segmenter three = new Segmenter(DEFAULTS, TODAY, List.of(500L, 500L, 100L));
        assertThat(three.segmentOf(LONG_AGO, TODAY, 500)).as("a fifth of 3 spenders is 1, and both at 500 tie")
                .isEqualTo(Segment.HIGH_VALUE);
        assertThat(three.segmentOf(LONG_AGO, TODAY, 100)).isEqualTo(Segment.REGULAR);
        Segmenter nobody = new Segmenter(DEFAULTS, TODAY, List.of());
        assertThat(nobody.segmentOf(LONG_AGO, TODAY, 0)).isEqualTo(Segment.REGULAR);
    }

    @Test
    void membersWhoJoinedWithinThirtyDaysAreNew() {
        assertThat(segmenter.segmentOf(day(-29), day(-29), 0)).isEqualTo(Segment.NEW);
        assertThat(segmenter.segmentOf(day(-30), day(-30), 0)).as("joined 31 days ago, nothing since")
                .isEqualTo(Segment.AT_RISK);
        assertThat(segmenter.segmentOf(TODAY, TODAY, 1_000_000)).as("high value comes first").isEqualTo(Segment.HIGH_VALUE);
    }

    @Test
    void nothingForThirtyDaysIsAtRiskAndNothingForNinetyIsDormant() {
        assertThat(segmenter.segmentOf(LONG_AGO, day(-29), 0)).isEqualTo(Segment.REGULAR);
        assertThat(segmenter.segmentOf(LONG_AGO, day(-30), 0)).isEqualTo(Segment.AT_RISK);
        assertThat(segmenter.segmentOf(LONG_AGO, day(-89), 0)).isEqualTo(Segment.AT_RISK);
        assertThat(segmenter.segmentOf(LONG_AGO, day(-90), 0)).isEqualTo(Segment.DORMANT);
    }

    @Test
    void theWindowsAreConfigurable() {
        Segmenter weekly = new Segmenter(new SegmentWindows(7, 7, 14, 90, 50), TODAY, List.of(100L, 200L));
        assertThat(weekly.segmentOf(day(-6), day(-6), 0)).isEqualTo(Segment.NEW);
        assertThat(weekly.segmentOf(LONG_AGO, day(-7), 0)).isEqualTo(Segment.AT_RISK);
        assertThat(weekly.segmentOf(LONG_AGO, day(-14), 0)).isEqualTo(Segment.DORMANT);
        assertThat(weekly.segmentOf(LONG_AGO, TODAY, 200)).isEqualTo(Segment.HIGH_VALUE);
        assertThat(Segmenter.spendWindowStart(DEFAULTS, TODAY)).isEqualTo(LocalDate.of(2030, 1, 1));
    }

    private static LocalDate day(int offset) {
        return TODAY.plusDays(offset);
    }
}
