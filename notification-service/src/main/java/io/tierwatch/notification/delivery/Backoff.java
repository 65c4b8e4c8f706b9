package io.tierwatch.notification.delivery;

import java.time.Duration;

/** Exponential backoff: initial × multiplier^(attempt−1), capped. Plain arithmetic, no I/O. */
record Backoff(Duration initial, double multiplier, Duration max) {

    /** The wait after the given failed attempt (1 for the first). */
    Duration after(int attempt) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
