package dev.loyalty.segment;

import dev.loyalty.member.Segment;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Puts one member in a segment as of a day. "Within N days" means on one of the N days ending today:
 * with N = 30 on 31 March, 2 March counts and 1 March does not. The first segment that fits wins:
 * HIGH_VALUE, NEW, DORMANT, AT_RISK, REGULAR.
 */
final class Segmenter {

    private final SegmentWindows windows;
    private final LocalDate today;
    private final long highValueCutoffCents;

    /**
     * @param spendsInWindow every positive net spend of the spend window, one per member: the top
     *        {@code highValuePercent} of these spenders (rounded up, ties included) are high value
     */
    Segmenter(SegmentWindows windows, LocalDate today, Collection<Long> spendsInWindow) {
        this.windows = windows;
        this.today = today;
        this.highValueCutoffCents = cutoff(spendsInWindow, windows.highValuePercent());
    }

    /** The first day of the spend window: purchases from its start count toward HIGH_VALUE. */
    static LocalDate spendWindowStart(SegmentWindows windows, LocalDate today) {
        return today.minusDays(windows.spendDays() - 1L);
    }

    Segment segmentOf(LocalDate joinedOn, LocalDate lastActiveOn, long spendCents) {
        if (spendCents > 0 && spendCents >= highValueCutoffCents && within(lastActiveOn, windows.activeDays())) {
            return Segment.HIGH_VALUE;
        }
        if (within(joinedOn, windows.newDays())) {
            return Segment.NEW;
        }
        if (!within(lastActiveOn, windows.dormantDays())) {
            return Segment.DORMANT;
        }
        if (!within(lastActiveOn, windows.activeDays())) {
            return Segment.AT_RISK;
        }
        return Segment.REGULAR;
    }

    private boolean within(LocalDate day, int days) {
        return !day.isBefore(today.minusDays(days - 1L));
    }

    private static long cutoff(Collection<Long> spends, int percent) {
        long[] positive = spends.stream().mapToLong(Long::longValue).filter(s -> s > 0).sorted().toArray();
        if (positive.length == 0) {
            return Long.MAX_VALUE;
        }
        int top = (positive.length * percent + 99) / 100;
        return positive[positive.length - top];
    }
}
