package io.tierwatch.scoring.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierwatch.contracts.Tier;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.RedisLedger;
import redis.clients.jedis.JedisPooled;

/** Every meter of scoring-service, in one place. */
@Component
public class ScoringMetrics {

    /** How late an event may be applied and still count as live in the event lag. */
    public static final Duration LAG_HORIZON = Duration.ofDays(1);

    /** The event lag's histogram buckets: fine around the 100 ms target, coarse up to the horizon. */
    private static final Duration[] LAG_BUCKETS = java.util.stream.Stream.of(5, 10, 25, 50, 75, 100, 150, 250, 500,
            1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 3_600_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter offsetCommitFailures;
    private final Timer batchApply;
    private final Timer eventLag;
    private final Counter backfill;
    private final Map<Step, Timer> steps = new EnumMap<>(Step.class);

    /** The steps of one poll, in the order they run (see docs/scoring-service.md, Metrics). */
    public enum Step {
        /** HGETALL of the poll's customers (one pipeline per attempt). */
        READ,
        /** the Java work: applying the commands to the states read, building the commits. */
        COMPUTE,
        /** the commit pipeline, one EVALSHA per hash-tag group. */
        COMMIT,
        /** building and handing the tier-change events to the producer. */
        SEND,
        /** sending them at once (the producer's flush, not waiting for linger.ms) and waiting for the broker's acks. */
        ACK,
        /** one pipeline after the acks: the history lists, the outbox clean-up, the tier and owner indexes. */
        HISTORY
    }

    ScoringMetrics(MeterRegistry registry, JedisPooled jedis, RedisLedger ledger) {
        this.registry = registry;
        this.applied = records(registry, "applied");
        this.duplicates = records(registry, "duplicate");
        this.deadLettered = records(registry, "dead_lettered");
        this.offsetCommitFailures = Counter.builder("tierwatch.scoring.offset.commit.failures")
                .description("Offset commits of the input consumers that failed (a later commit, or the idle consumer's check of its "
                        + "committed offsets, covers each)")
                .register(registry);
        this.batchApply = Timer.builder("tierwatch.scoring.batch.apply")
                .description("Time to apply one poll's records to Redis and publish their tier changes")
                .register(registry);
        // a histogram (p99 by histogram_quantile) of live events only: a back-filled event of 2010 is 16
        // years "late", and a few thousand of those overflowed the timer's sum (it went negative)
        this.eventLag = Timer.builder("tierwatch.scoring.event.lag")
                .description("Wall-clock time between an event occurring and scoring applying it, for events at most "
                        + "a day old (older ones are back-fill, counted apart)")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        this.backfill = Counter.builder("tierwatch.scoring.backfill.events")
                .description("Events applied more than a day after they occurred (an import of history, a rebuild): "
                        + "not in the event lag")
                .register(registry);
        for (Step step : Step.values()) {
            steps.put(step, Timer.builder("tierwatch.scoring.poll.step")
                    .description("Time one poll spent in each step of scoring")
                    .tag("step", step.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        FunctionCounter.builder("tierwatch.scoring.rereads", ledger, RedisLedger::rereads)
                .description("Customers read and computed again because another writer committed them first")
                .register(registry);
        FunctionCounter.builder("tierwatch.scoring.state.cache", ledger, RedisLedger::cacheHits)
                .description("Customers looked up in the state cache").tag("result", "hit").register(registry);
        FunctionCounter.builder("tierwatch.scoring.state.cache", ledger, RedisLedger::cacheMisses)
                .description("Customers looked up in the state cache").tag("result", "miss").register(registry);
        Gauge.builder("tierwatch.scoring.state.cache.customers", ledger, RedisLedger::cachedCustomers)
                .description("Customers whose state is held in memory").register(registry);
        for (Tier tier : Tier.values()) {
            Gauge.builder("tierwatch.scoring.customers", jedis, j -> customersIn(j, tier))
                    .description("Customers currently in each tier").tag("tier", tier.name()).register(registry);
        }
    }

    private static Counter records(MeterRegistry registry, String outcome) {
        return Counter.builder("tierwatch.scoring.records").description("Input records by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static double customersIn(JedisPooled jedis, Tier tier) {
        try {
            return jedis.scard(LedgerKeys.tier(tier));
        } catch (RuntimeException e) {
            return Double.NaN; // Redis down: the gauge has no value rather than a wrong one
        }
    }

    public void applied(long count) {
        applied.increment(count);
    }

    public void duplicates(long count) {
        duplicates.increment(count);
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void offsetCommitFailed() {
        offsetCommitFailures.increment();
    }

    public Timer batchApply() {
        return batchApply;
    }

    public void step(Step step, long nanos) {
        steps.get(step).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records how late an event was applied: in the lag histogram if it is live, as back-fill if older than {@link #LAG_HORIZON}. */
    public void eventLag(Duration lag) {
        if (lag.compareTo(LAG_HORIZON) > 0) {
            backfill.increment();
        } else {
            eventLag.record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    public void transition(Tier from, Tier to) {
        registry.counter("tierwatch.scoring.tier.transitions", "from", from == null ? "none" : from.name(),
                "to", to.name()).increment();
    }
}
