package io.tierwatch.scoring.ingest;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;

/**
 * At most {@code lines} lines per {@code window}; the lines held back are counted and said in one
 * line when the next window opens, so a storm of bad records logs a few lines, not one each.
 */
final class RateLimitedLog {

    private final Logger log;
    private final int lines;
    private final long windowMillis;
    private final Clock clock;
    private long windowStart;
    private int written;
    private long suppressed;

    RateLimitedLog(Logger log, int lines, Duration window, Clock clock) {
        this.log = log;
        this.lines = lines;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.windowStart = clock.millis();
    }

    synchronized void warn(String format, Object... args) {
        long now = clock.millis();
        if (now - windowStart >= windowMillis) {
            if (suppressed > 0) {
                log.warn("{} more lines like these were not logged in the last {} s", suppressed,
                        Duration.ofMillis(now - windowStart).toSeconds());
            }
            windowStart = now;
            written = 0;
            suppressed = 0;
        }
        if (written < lines) {
            written++;
            log.warn(format, args);
        } else {
            suppressed++;
        }
    }
}
