package io.tierwatch.scoring.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.StateEpoch;
import io.tierwatch.scoring.sweep.PartitionSweeps;
import redis.clients.jedis.JedisPooled;

/**
 * Holds the consumers to the Redis state their committed offsets belong to ({@link StateEpoch}):
 * decides the epoch at start, before the listeners run, puts it in the metadata of every offset
 * commit, and checks the markers again on every progress check, so a {@code FLUSHALL} is seen
 * within seconds even when no record arrives (a commit sees it at once). While the state is lost:
 * nothing is applied (the commits refuse, the polls are retried with backoff), readiness is DOWN
 * ({@code scoringState}), {@code tierwatch_scoring_state_lost} is 1, and one log line says what
 * happened and what to run.
 */
@Component
public class EpochGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EpochGuard.class);
    static final String ACTION = "nothing is applied until the state is rebuilt from Kafka: run ./tierwatch rebuild "
            + "(docs/operations/redis-loss.md)";

    private final StateEpoch epoch;
    private final JedisPooled jedis;
    private final Admin admin;
    private final String groupId;
    private final List<String> inputs;
    private final Duration timeout;
    private final StateRebuild rebuild;
    private final java.time.Clock clock;
    private volatile StateRebuild.Progress rebuilding;
    private String reported;
    /** The rebuild command's run: it begins the epoch itself, so this guard stays out of its way. */
    private final boolean rebuildRun;
    private final PartitionSweeps sweeps;

    EpochGuard(StateEpoch epoch, JedisPooled jedis, Admin admin, KafkaProperties kafka, ScoringProperties properties,
            MeterRegistry meters, StateRebuild rebuild, java.time.Clock clock, PartitionSweeps sweeps,
            @org.springframework.beans.factory.annotation.Value("${tierwatch.rebuild.run:false}") boolean rebuildRun) {
        this.epoch = epoch;
        this.rebuildRun = rebuildRun;
        this.sweeps = sweeps;
        this.rebuild = rebuild;
        this.clock = clock;
        this.jedis = jedis;
        this.admin = admin;
        this.groupId = kafka.getConsumer().getGroupId();
        this.inputs = List.of(properties.topics().inputs());
        this.timeout = properties.scoring().progress().kafkaTimeout();
        Gauge.builder("tierwatch.scoring.state.lost", epoch, e -> e.lost() != null ? 1 : 0)
                .description("1 while Redis does not hold the state the consumers' committed offsets belong to "
                        + "(flushed, lost or replaced): nothing is applied until it is rebuilt").register(meters);
        if (!rebuildRun) {
            establish();
        }
    }

    /** Decides the epoch from what Redis and Kafka hold; with either unreachable, tries again at the next check. */
    public synchronized void establish() {
        try {
            StateEpoch.Kafka kafka = kafkaFacts();
            StateEpoch.Verdict verdict = StateEpoch.decide(StateEpoch.markers(jedis), StateEpoch.hasState(jedis), kafka);
            if (verdict.lostReason() != null) {
                lost(verdict.lostReason());
                return;
            }
            String established = verdict.epoch();
            if (verdict.create()) {
                List<String> markers = StateEpoch.create(jedis, verdict.epoch(), kafka.clusterId());
                established = markers.get(0).split(" ", 2)[0];
                LOG.info("state epoch {} begins (Kafka cluster {})", established, kafka.clusterId());
            }
            epoch.establish(established);
            sweeps.forgetAll(); // a new epoch's Redis (a rebuild) holds no sweep days yet
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("state epoch not decided yet ({}); nothing is applied until it is", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The progress check's turn: decide the epoch if not yet decided, else check every group's
     * marker; while a rebuild's replay runs, note its progress, and end its record once it caught up.
     */
    synchronized void check() {
        if (rebuildRun) {
            return;
        }
        if (epoch.lost() != null) {
            report();
            return;
        }
        try {
            StateRebuild.Progress progress = rebuild.progress();
            if (progress != null && progress.done() && epoch.current() != null) {
                rebuild.finish(progress);
                progress = null;
            }
            rebuilding = progress;
        } catch (Exception e) {
            rebuilding = null; // Kafka or Redis unreachable: shown again at the next check
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        String current = epoch.current();
        if (current == null) {
            establish();
            return;
        }
        List<String> markers;
        try {
            markers = StateEpoch.markers(jedis);
        } catch (RuntimeException e) {
            return; // Redis unreachable: an outage, not a loss; the commits wait for it
        }
        long missing = markers.stream().filter(m -> m == null || !m.startsWith(current + " ")).count();
        if (missing > 0) {
            lost("Redis does not hold state epoch " + current + ": " + missing + " of " + markers.size()
                    + " hash-tag groups have no marker of it (Redis was flushed, lost or replaced)");
        }
    }

    private void lost(String reason) {
        epoch.markLost(reason);
        report();
    }

    /** One line per loss, whoever saw it first (this check, or a commit the script refused). */
    private void report() {
        String reason = epoch.lost();
        if (reason != null && !reason.equals(reported)) {
            reported = reason;
            LOG.error("scoring state lost: {}; {}", reason, ACTION);
        }
    }

    private StateEpoch.Kafka kafkaFacts() throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        long millis = timeout.toMillis();
        String clusterId = admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS).entrySet().stream()
                .filter(e -> e.getValue() != null && inputs.contains(e.getKey().topic()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> epochs = new HashSet<>();
        committed.values().forEach(o -> {
            String e = StateEpoch.ofMetadata(o.metadata());
            if (e != null) {
                epochs.add(e);
            }
        });
        List<String> pastTheEnd = new ArrayList<>();
        if (!committed.isEmpty()) {
            Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(millis, TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            committed.forEach((p, o) -> {
                if (o.offset() > ends.getOrDefault(p, Long.MAX_VALUE)) {
                    pastTheEnd.add(p + " committed " + o.offset() + ", end " + ends.get(p));
                }
            });
        }
        return new StateEpoch.Kafka(clusterId, !committed.isEmpty(), epochs, pastTheEnd);
    }


    String metadata() {
        String current = epoch.current();
        return current == null ? "" : StateEpoch.metadata(current);
    }

    /**
     * {@code scoringState}, in the readiness group: DOWN while the state is lost or its epoch not yet
     * known; OUT_OF_SERVICE while a rebuild's replay has not caught up (with its progress).
     */
    HealthIndicator health() {
        return () -> {
            String lost = epoch.lost();
            if (lost != null) {
                return Health.down().withDetail("lost", lost).withDetail("action", ACTION).build();
            }
            String current = epoch.current();
            if (current == null) {
                return Health.down().withDetail("epoch", "not decided yet (Kafka or Redis unreachable)").build();
            }
            StateRebuild.Progress progress = rebuilding;
            // while a rebuild replays, the figures are partial: out of service for readers until it caught up
            Health.Builder up = (progress == null ? Health.up() : Health.outOfService()).withDetail("epoch", current);
            if (progress != null) {
                long seconds = Math.max(1, (clock.millis() - progress.startedAtMillis()) / 1000);
                double rate = (double) progress.read() / seconds;
                up.withDetail("rebuild", Map.of("read", progress.read(), "of", progress.of(),
                        "percent", progress.of() == 0 ? 100 : 100 * progress.read() / progress.of(),
                        "etaSeconds", rate <= 0 ? -1 : (long) ((progress.of() - progress.read()) / rate)));
            }
            return up.build();
        };
    }
}
