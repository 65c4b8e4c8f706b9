package io.tierwatch.scoring.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.scoring.config.ScoringProperties;

/**
 * Watches the input consumers from outside their threads, so a consumer stuck in a retry loop is
 * still seen: every {@code check-interval} it asks Kafka for the cluster, the group's committed
 * offsets and the end offsets of the partitions this instance holds.
 * <ul>
 * <li><b>stalled</b>: a held partition with lag whose committed offset has not moved for
 *     {@code stall-timeout}. Readiness turns DOWN ({@code scoringProgress} in the readiness group),
 *     {@code tierwatch_scoring_partitions_stalled} counts them, and one log line names each.</li>
 * <li><b>Kafka unreachable</b>: the cluster does not answer within {@code kafka-timeout}; the
 *     health indicator {@code kafka} is DOWN and {@code tierwatch_scoring_kafka_reachable} is 0.</li>
 * </ul>
 */
@Component
class ConsumerProgress implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgress.class);

    private final KafkaListenerEndpointRegistry registry;
    private final ScoringProperties.Progress settings;
    private final String groupId;
    private final Clock clock;
    private final Admin admin;
    /** The timer of the checks, made at each start: a stopped context (paused between tests) starts again. */
    private ScheduledExecutorService timer;
    private final Map<TopicPartition, Observed> observed = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(true, null, null, Map.of(), Map.of());
    private volatile boolean running;
    /** The state epoch's check of its markers, on the same timer. */
    private Runnable alsoOnEachCheck = () -> { };

    /** What the last check saw of a partition: its committed offset, and since when. */
    private record Observed(long committed, long since) {
    }

    /** The last check's findings; {@code stalled} maps a partition to its lag. */
    record Snapshot(boolean kafkaReachable, String kafkaError, String clusterId, Map<TopicPartition, Long> lag,
            Map<TopicPartition, Long> stalled) {
    }

    @Autowired
    ConsumerProgress(KafkaListenerEndpointRegistry registry, Admin admin, KafkaProperties kafka,
            ScoringProperties properties, MeterRegistry meters, Clock clock, EpochGuard epoch) {
        this(registry, admin, kafka.getConsumer().getGroupId(), properties.scoring().progress(), meters, clock);
        this.alsoOnEachCheck = epoch::check;
    }

    ConsumerProgress(KafkaListenerEndpointRegistry registry, Admin admin, String groupId,
            ScoringProperties.Progress settings, MeterRegistry meters, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.groupId = groupId;
        this.clock = clock;
        this.admin = admin;
        Gauge.builder("tierwatch.scoring.partitions.stalled", this, p -> p.snapshot.stalled().size())
                .description("Input partitions this instance holds that have lag and whose committed offset has not moved "
                        + "for the stall timeout").register(meters);
        Gauge.builder("tierwatch.scoring.kafka.reachable", this, p -> p.snapshot.kafkaReachable() ? 1 : 0)
                .description("1 while the Kafka cluster answers the progress check, else 0").register(meters);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** One check now; the timer calls it every {@code check-interval}. */
    synchronized Snapshot check() {
        Set<TopicPartition> held = held();
        long now = clock.millis();
        String clusterId;
        Map<TopicPartition, Long> committed;
        Map<TopicPartition, Long> ends;
        try {
            long timeout = settings.kafkaTimeout().toMillis();
            clusterId = admin.describeCluster().clusterId().get(timeout, TimeUnit.MILLISECONDS);
            committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(timeout, TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            ends = held.isEmpty() ? Map.of() : admin.listOffsets(held.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(timeout, TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return snapshot;
        } catch (Exception e) {
            String error = e.getCause() != null ? e.getCause().toString() : e.toString();
            if (snapshot.kafkaReachable()) {
                LOG.warn("Kafka does not answer ({}): health 'kafka' is DOWN until it does", error);
            }
            // the partitions' clocks go on: a consumer that cannot reach Kafka makes no progress either
            snapshot = new Snapshot(false, error, snapshot.clusterId(), snapshot.lag(), stalled(held, Map.of(), Map.of(), now));
            return snapshot;
        }
        if (!snapshot.kafkaReachable()) {
            LOG.info("Kafka answers again (cluster {})", clusterId);
        }
        Map<TopicPartition, Long> lag = new TreeMap<>(BY_NAME);
        for (TopicPartition p : held) {
            lag.put(p, Math.max(0, ends.getOrDefault(p, 0L) - committed.getOrDefault(p, 0L)));
        }
        snapshot = new Snapshot(true, null, clusterId, Map.copyOf(lag), stalled(held, committed, lag, now));
        return snapshot;
    }

    private static final java.util.Comparator<TopicPartition> BY_NAME =
            java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    /** Updates what was seen of each held partition; returns the stalled ones with their lag. */
    private Map<TopicPartition, Long> stalled(Set<TopicPartition> held, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> lag, long now) {
        observed.keySet().retainAll(held);
        Map<TopicPartition, Long> stalled = new TreeMap<>(BY_NAME);
        long timeout = settings.stallTimeout().toMillis();
        for (TopicPartition p : held) {
            Observed before = observed.get(p);
            Long offset = committed.get(p);
            long partitionLag = lag.getOrDefault(p, snapshot.lag().getOrDefault(p, 0L));
            boolean moved = offset != null && (before == null || before.committed() != offset);
            if (before == null || moved || partitionLag == 0) {
                if (before != null && now - before.since() >= timeout && snapshot.stalled().containsKey(p)) {
                    LOG.info("partition {} makes progress again", p);
                }
                observed.put(p, new Observed(offset == null ? (before == null ? -1 : before.committed()) : offset, now));
                continue;
            }
            if (now - before.since() >= timeout) {
                stalled.put(p, partitionLag);
                if (!snapshot.stalled().containsKey(p)) {
                    LOG.warn("partition {} has made no progress for {} s with a lag of {} records: readiness is DOWN "
                            + "(the log above says what the consumer retries)", p,
                            Duration.ofMillis(now - before.since()).toSeconds(), partitionLag);
                }
            }
        }
        return Map.copyOf(stalled);
    }

    private Set<TopicPartition> held() {
        MessageListenerContainer container = registry.getListenerContainer("tierwatch-scoring");
        if (container == null || container.getAssignedPartitions() == null) {
            return Set.of();
        }
        return Set.copyOf(container.getAssignedPartitions());
    }

    /** {@code scoringProgress}: DOWN while a held partition is stalled. In the readiness group. */
    HealthIndicator progressHealth() {
        return () -> {
            Snapshot s = snapshot;
            Health.Builder health = s.stalled().isEmpty() ? Health.up() : Health.down();
            return health.withDetail("partitions", s.lag().size())
                    .withDetail("lag", s.lag().values().stream().mapToLong(Long::longValue).sum())
                    .withDetail("stalled", names(s.stalled()))
                    .withDetail("stallTimeout", settings.stallTimeout().toString()).build();
        };
    }

    /** {@code kafka}: DOWN while the cluster does not answer. */
    HealthIndicator kafkaHealth() {
        return () -> {
            Snapshot s = snapshot;
            return (s.kafkaReachable() ? Health.up() : Health.down().withDetail("error", s.kafkaError()))
                    .withDetail("clusterId", String.valueOf(s.clusterId())).build();
        };
    }

    private static Map<String, Long> names(Map<TopicPartition, Long> partitions) {
        Map<String, Long> names = new TreeMap<>();
        partitions.forEach((p, lag) -> names.put(p.toString(), lag));
        return names;
    }

    @Override
    public synchronized void start() {
        long interval = settings.checkInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scoring-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
                alsoOnEachCheck.run();
            } catch (RuntimeException e) {
                LOG.warn("progress check failed: {}", e.toString());
            }
        }, 0, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
    }
}
