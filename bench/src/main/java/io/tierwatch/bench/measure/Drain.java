package io.tierwatch.bench.measure;

import java.time.Duration;
import java.util.List;

/**
 * Sustained consumption of a backlog: from the first committed offsets seen to the moment the
 * group has committed everything, sampled every {@value #SAMPLE_MILLIS} ms. Service start-up is
 * left out (the clock starts at the first commit), so this is the steady rate.
 */
public record Drain(long events, double seconds, double peakPerSecond, boolean complete) {

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
        long behind = lag.behind(group, topics);
        while (behind > 0 && System.nanoTime() < deadline) {
            Pause.millis(SAMPLE_MILLIS);
            long now = System.nanoTime();
            long committed = lag.committedTotal(group, topics);
            peak = Math.max(peak, (committed - last) / ((now - lastAt) / 1e9));
            last = committed;
            lastAt = now;
            behind = lag.behind(group, topics);
        }
        return new Drain(last - first, (lastAt - start) / 1e9, peak, behind == 0);
    }
}
