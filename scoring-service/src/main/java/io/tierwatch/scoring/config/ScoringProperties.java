package io.tierwatch.scoring.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.domain.PolicySettings;
import io.tierwatch.scoring.domain.TraitSettings;

/** Everything scoring-service binds, under {@code tierwatch.*} in {@code scoring-service.yml}. */
@ConfigurationProperties("tierwatch")
public record ScoringProperties(
        /* the deployment's base currency, the same property as order-service's */
        @DefaultValue("EUR") String currency,
        @DefaultValue TopicNames topics,
        @DefaultValue RedisSettings redis,
        @DefaultValue Scoring scoring) {

    public record TopicNames(
            @DefaultValue(Topics.ORDERS) String orders,
            @DefaultValue(Topics.SERVICE_TICKETS) String serviceTickets,
            @DefaultValue(Topics.CUSTOMERS) String customers,
            @DefaultValue(Topics.CUSTOMER_TIER_CHANGES) String tierChanges,
            @DefaultValue("3") int partitions) {

        public String[] inputs() {
            return new String[] {orders, serviceTickets, customers};
        }
    }

    public record RedisSettings(@DefaultValue("redis://localhost:6379") String url) {
    }

    public record Scoring(
            @DefaultValue("90") int windowDays,
            @DefaultValue Policy policy,
            @DefaultValue Traits traits,
            @DefaultValue("5") int contributorsKept,
            @DefaultValue("10") int historyKept,
            @DefaultValue("5000") int stateCacheCustomers,
            @DefaultValue Sweep sweep,
            @DefaultValue Progress progress,
            @DefaultValue Merge merge,
            @DefaultValue Portfolio portfolio) {
    }

    /**
     * The managers' portfolio is computed in the background from every customer and served from
     * the latest snapshot: again every {@code refresh}, or every ten times as long as the last
     * computation took, whichever is longer; a map keeps the {@code maxPoints} customers of each
     * rep with the largest revenue as points, the others as bins. Memory: a snapshot of 1,000,000
     * customers over 100 reps holds about 50 MB (16 MB of profits, 200,000 map points, the bins),
     * twice that while the next one is taken.
     */
    public record Portfolio(@DefaultValue("PT1M") Duration refresh, @DefaultValue("1000") int maxPoints) {
    }

    /**
     * The merge of a consumer's co-partitioned inputs into one order (ingest/CoPartitionMerge): a
     * record whose other partitions have nothing more to read waits until it is {@code grace} old
     * (by the broker's timestamp), so one a replicated cluster has appended but not yet shown still
     * comes in order; a partition with more than {@code maxHeld} records waiting is paused until
     * half have gone. Offsets are committed at most every {@code commitInterval}.
     */
    public record Merge(@DefaultValue("50ms") Duration grace, @DefaultValue("20000") int maxHeld,
            @DefaultValue("100ms") Duration commitInterval) {
    }

    /** Tier thresholds and hysteresis bands; see docs/scoring-service.md for the rules. */
    public record Policy(
            @DefaultValue("1000.00") Money aThreshold,
            @DefaultValue("100.00") Money aBand,
            @DefaultValue("50") int overServedPercent,
            @DefaultValue("10") int overServedBandPercent,
            @DefaultValue("50.00") Money lossExitBand,
            @DefaultValue("policy-1") String version) {

        public PolicySettings settings() {
            return new PolicySettings(aThreshold.minorUnits(), aBand.minorUnits(), overServedPercent,
                    overServedBandPercent, lossExitBand.minorUnits(), version);
        }
    }

    public record Traits(
            @DefaultValue("30") int newDays,
            @DefaultValue("365") int loyalDays,
            @DefaultValue("90") int activeDays,
            @DefaultValue("10000.00") Money bigRevenue,
            @DefaultValue("20") int growthPercent) {

        public TraitSettings settings() {
            return new TraitSettings(newDays, loyalDays, activeDays, bigRevenue.minorUnits(), growthPercent);
        }
    }

    /**
     * The input consumers' progress check: a partition this instance holds, with lag, whose
     * committed offset has not moved for {@code stallTimeout} is stalled (readiness DOWN, a
     * metric, a log line); checked every {@code checkInterval}, Kafka asked with {@code kafkaTimeout}.
     */
    public record Progress(@DefaultValue("60s") Duration stallTimeout, @DefaultValue("5s") Duration checkInterval,
            @DefaultValue("3s") Duration kafkaTimeout) {
    }

    /**
     * The sweep re-decides customers whose window aged without new events, in the stream: an input
     * partition's customers are aged when its records reach a new day, less {@code lateAllowance}
     * (sweep/PartitionSweeps), {@code batchSize} customers per Redis round trip. Off
     * ({@code enabled: false}), a customer's window ends at its own latest event.
     */
    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
            @DefaultValue("P1D") java.time.Period lateAllowance) {
    }
}
