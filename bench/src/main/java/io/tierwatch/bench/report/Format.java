package io.tierwatch.bench.report;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** Number formats of the report: grouped integers, one decimal, latencies from microseconds. */
public final class Format {

    private Format() {
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f events/s", perSecond);
    }

    public static String micros(double micros) {
        return String.format(Locale.ROOT, "%.1f µs", micros);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    public static String bytes(double bytes) {
        return bytes >= 10 * 1024 * 1024 ? String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024 / 1024)
                : String.format(Locale.ROOT, "%,.0f B", bytes);
    }

    public static String millis(double micros) {
        return String.format(Locale.ROOT, "%,.1f ms", micros / 1000);
    }

    /** p50 / p99 / max in ms and the sample count. */
    public static String latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s / p99 %s / max %s (n=%,d)", millis(h.getValueAtPercentile(50)),
                millis(h.getValueAtPercentile(99)), millis(h.getMaxValue()), h.getTotalCount());
    }
}
