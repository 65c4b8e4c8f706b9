package io.tierwatch.scoring.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.StateEpoch;
import redis.clients.jedis.JedisPooled;

/**
 * Rebuilds scoring's state from Kafka, exactly: with every consumer of the group stopped, deletes
 * {@code tw:score:*}, begins a new state epoch, and sets the group's committed offsets of every
 * input partition to its earliest offset (with the new epoch in their metadata). The consumers,
 * started again, replay the whole history into the empty Redis; {@code tw:score:rebuild} records
 * the rebuild so progress can be shown until the replay has caught up ({@link #progress()}).
 *
 * <p>Run by {@code ./tierwatch rebuild} ({@code --tierwatch.rebuild.run=true}, {@link RebuildCommand}),
 * or in a test with the listener containers stopped.
 */
@Component
public class StateRebuild {

    static final String MARKER = LedgerKeys.PREFIX + "rebuild";
    private static final Logger LOG = LoggerFactory.getLogger(StateRebuild.class);

    private final Admin admin;
    private final JedisPooled jedis;
    private final String groupId;
    private final List<String> inputs;
    private final Clock clock;

    StateRebuild(Admin admin, JedisPooled jedis, KafkaProperties kafka, ScoringProperties properties, Clock clock) {
        this.admin = admin;
        this.jedis = jedis;
        this.groupId = kafka.getConsumer().getGroupId();
        this.inputs = List.of(properties.topics().inputs());
        this.clock = clock;
    }

    /** What a rebuild did: the new epoch, the keys deleted, the events to replay. */
    public record Summary(String epoch, long keysDeleted, long events) {
    }

    /** The replay's progress while a rebuild's marker is there: events read of how many, and since when. */
    public record Progress(long read, long of, long startedAtMillis) {

        public boolean done() {
            return read >= of;
        }
    }

    public Summary rebuild() {
        try {
            return run();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("rebuild not done: Kafka did not answer (" + e + "); nothing was changed "
                    + "unless the log above says so, and running it again is safe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    private Summary run() throws ExecutionException, TimeoutException, InterruptedException {
        int members = members();
        if (members > 0) {
            throw new IllegalStateException(members + " consumers of group " + groupId + " are still running: stop every "
                    + "scoring-service instance first (./tierwatch rebuild does), then run the rebuild again");
        }
        String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> earliest = offsets(OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(OffsetSpec.latest());
        long events = latest.entrySet().stream().mapToLong(e -> e.getValue() - earliest.get(e.getKey())).sum();
        long deleted = StateEpoch.deleteAll(jedis);
        String epoch = StateEpoch.newEpoch();
        StateEpoch.create(jedis, epoch, clusterId);
        Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
        earliest.forEach((p, offset) -> reset.put(p, new OffsetAndMetadata(offset, StateEpoch.metadata(epoch))));
        admin.alterConsumerGroupOffsets(groupId, reset).all().get(30, TimeUnit.SECONDS);
        jedis.hset(MARKER, Map.of("epoch", epoch, "events", Long.toString(events),
                "startedAt", Long.toString(clock.millis())));
        LOG.info("rebuild: deleted {} keys of scoring's state, began state epoch {}, set group {} to the earliest offsets "
                + "of {} partitions; {} events to replay once scoring-service starts", deleted, epoch, groupId,
                reset.size(), events);
        return new Summary(epoch, deleted, events);
    }

    /** The replay's progress, or null when no rebuild is under way. */
    public Progress progress() throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, String> marker = jedis.hgetAll(MARKER);
        if (marker.isEmpty()) {
            return null;
        }
        Map<TopicPartition, Long> earliest = offsets(OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long read = 0;
        long of = 0;
        for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
            long from = earliest.get(e.getKey());
            OffsetAndMetadata at = committed.get(e.getKey());
            read += (at == null ? from : at.offset()) - from;
            of += e.getValue() - from;
        }
        return new Progress(read, of, Long.parseLong(marker.getOrDefault("startedAt", "0")));
    }

    /** Ends the rebuild's record once its replay has caught up; logs how long it took. */
    void finish(Progress progress) {
        if (jedis.del(MARKER) > 0) {
            LOG.info("rebuild done: {} events replayed in {} s", progress.read(),
                    Duration.ofMillis(clock.millis() - progress.startedAtMillis()).toSeconds());
        }
    }

    private int members() throws ExecutionException, TimeoutException, InterruptedException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(30, TimeUnit.SECONDS).get(groupId);
            return group == null ? 0 : group.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws ExecutionException, TimeoutException,
            InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : inputs) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
        }
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
