package dev.loyalty.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies of one run, in nanoseconds; percentiles by sorting (runs are thousands, not millions). */
final class LatencyRecorder {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count.getAndIncrement()] = elapsedNanos;
    }

    String summary(String name, long wallNanos) {
        int n = count.get();
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double perSecond = n / (wallNanos / 1e9);
        return String.format("%-30s %8d ops %10.0f ops/s   p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms", name, n,
                perSecond, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.95) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    int count() {
        return count.get();
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count.get());
        Arrays.sort(sorted);
        return percentile(sorted, p) / 1e6;
    }

    double perSecond(long wallNanos) {
        return count.get() / (wallNanos / 1e9);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
