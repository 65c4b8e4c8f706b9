package io.tierwatch.bench.measure;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer progress from the broker's point of view: end offsets of the topics and the offsets
 * a group has committed. A service commits only after Redis and the tier-change publish are done,
 * so committed offsets count work that is finished.
 */
public final class Lag implements AutoCloseable {

    private final Admin admin;

    public Lag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            throw failed(e);
        }
    }

    public Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    result.put(tp, o.offset());
                }
            });
            return result;
        } catch (InterruptedException | ExecutionException e) {
            throw failed(e);
        }
    }

    /** The group that has committed offsets on {@code topic}: found, not assumed from a service's config. */
    public String groupConsuming(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    if (committed(group.groupId()).keySet().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                        return group.groupId();
                    }
                }
                Pause.millis(200);
            } catch (InterruptedException | ExecutionException e) {
                throw failed(e);
            }
        }
        throw new IllegalStateException("no consumer group committed offsets on " + topic + " within " + timeout);
    }

    /** Events on {@code topics} the group has not committed yet. */
    public long behind(String group, Collection<String> topics) {
        Map<TopicPartition, Long> committed = committed(group);
        return endOffsets(topics).entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L))).sum();
    }

    /** Records on {@code topics}, from their start (Tierwatch's topics delete nothing). */
    public long events(Collection<String> topics) {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until the group has no member (its consumers stopped and left); false on timeout. */
    public boolean awaitNoMembers(String group, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty()) {
                    return true;
                }
            } catch (InterruptedException | ExecutionException e) {
                throw failed(e);
            }
            Pause.millis(250);
        }
        return false;
    }

    public long committedTotal(String group, Collection<String> topics) {
        return committed(group).entrySet().stream().filter(e -> topics.contains(e.getKey().topic()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Waits until the group has committed everything on the topics; false on timeout. */
    public boolean awaitCaughtUp(String group, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (behind(group, topics) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.millis(250);
        }
        return true;
    }

    /**
     * Waits until at least {@code minGroups} groups have committed on {@code topic} and each of
     * them has committed everything there; false on timeout.
     */
    public boolean awaitAllCaughtUp(String topic, int minGroups, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int caughtUp = 0;
                int groups = 0;
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    if (committed(group.groupId()).keySet().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                        groups++;
                        caughtUp += behind(group.groupId(), List.of(topic)) == 0 ? 1 : 0;
                    }
                }
                if (groups >= minGroups && caughtUp == groups) {
                    return true;
                }
            } catch (InterruptedException | ExecutionException e) {
                throw failed(e);
            }
            Pause.millis(250);
        }
        return false;
    }

    /** Commits the end offsets for a group that has not started, so it begins with what comes next. */
    public void skipToEnd(String group, Collection<String> topics) {
        try {
            admin.alterConsumerGroupOffsets(group, endOffsets(topics).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        admin.close();
    }
}
