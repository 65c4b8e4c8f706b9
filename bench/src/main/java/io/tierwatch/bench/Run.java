package io.tierwatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.bench.measure.Lag;
import io.tierwatch.bench.measure.RedisStats;
import io.tierwatch.bench.report.Results;
import io.tierwatch.contracts.Topics;

/** What every phase shares: the settings, the figures so far, the probes of Redis and Kafka, and the SHA of the commit script. */
record Run(Settings settings, Results results, RedisStats redis, Lag lag, String sha) {

    static final List<String> INPUTS = List.of(Topics.ORDERS, Topics.SERVICE_TICKETS, Topics.CUSTOMERS);
    /** The synthetic history spans this many days, so windows fill and age as the stream goes on. */
    static final int HISTORY_DAYS = 180;

    /** Event times spread evenly over the last {@value #HISTORY_DAYS} days, oldest first, ending now. */
    static LongFunction<Instant> history(long events) {
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(HISTORY_DAYS));
        long stepNanos = Duration.ofDays(HISTORY_DAYS).toNanos() / Math.max(1, events);
        return n -> start.plusNanos(n * stepNanos);
    }

    /** The seeded synthetic stream of a phase; {@code prefix} keeps the phases' customers apart. */
    SyntheticStream stream(String prefix, int customers, double newShare, long seedOffset, LongFunction<Instant> clock) {
        return new SyntheticStream(prefix, customers, settings.zipfExponent(), newShare, settings.seed() + seedOffset, clock);
    }

    static void step(String text) {
        System.out.printf("%n[%tT] %s%n", Instant.now().toEpochMilli(), text);
    }
}
