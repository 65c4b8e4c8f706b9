package io.tierwatch.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sustained consumption of a backlog: from the first committed offsets seen to the moment the
 * group has committed everything, sampled every {@value #SAMPLE_MILLIS} ms. Service start-up is
 * left out (the clock starts at the first commit). {@code laterHalfPerSecond} is the rate over the
 * events of the backlog's second half alone (from the first sample with half of it committed): the
 * first half also pays for the service's JIT compilation, so the later half is closer to what a
 * long-running service sustains.
 */
public record Drain(long events, double seconds, double peakPerSecond, boolean complete, double laterHalfPerSecond) {

    static final long SAMPLE_MILLIS = 500;

    public double perSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    public static Drain measure(Lag lag, String group, List<String> topics, Duration timeout) {
        long start = System.nanoTime();
        long first = lag.committedTotal(group, topics);
        long deadline = start + timeout.toNanos();
        long last = first;
        long lastAt = start;
        double peak = 0;
        List<long[]> samples = new ArrayList<>(); // {nanoTime, committed}
        long behind = lag.behind(group, topics);
        while (behind > 0 && System.nanoTime() < deadline) {
            Pause.millis(SAMPLE_MILLIS);
            long now = System.nanoTime();
            long committed = lag.committedTotal(group, topics);
            peak = Math.max(peak, (committed - last) / ((now - lastAt) / 1e9));
            last = committed;
            lastAt = now;
            samples.add(new long[] {now, committed});
            behind = lag.behind(group, topics);
        }
        return new Drain(last - first, (lastAt - start) / 1e9, peak, behind == 0, laterHalf(samples, first));
    }

    /** The rate from the first sample with at least half of the events committed to the last sample. */
    static double laterHalf(List<long[]> samples, long first) {
        if (samples.isEmpty()) {
            return 0;
        }
        long[] last = samples.get(samples.size() - 1);
        long half = first + (last[1] - first) / 2;
        for (long[] s : samples) {
            if (s[1] >= half && s[0] < last[0]) {
                return (last[1] - s[1]) / ((last[0] - s[0]) / 1e9);
            }
        }
        return 0;
    }
}
