package io.tierwatch.scoring.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer's input records in one order that depends only on the topics' contents, never on
 * when a fetch came back: the same history gives the same order live, after a crash, and in a
 * rebuild.
 * <p>
 * A customer's orders, service tickets and master data are on three topics, keyed by customer, so
 * they are on the same partition number of each (co-partitioned), and the range assignor gives
 * partition {@code k} of every input topic to the same consumer. This class merges the partitions
 * of one number by the broker's timestamp (the input topics use {@code LogAppendTime}, so it
 * grows along each partition), ties broken by the topic's rank (orders, tickets, customers), then
 * by offset. The record with the smallest key among the partitions' first held records is
 * released when every other partition of its number also has a record held, or was seen with
 * nothing more to read (the consumer's position at the broker's end offset) at a moment at least
 * {@code grace} after the record's timestamp: every record appended before that moment has a
 * timestamp before it, and a record a broker has appended but not yet made visible (a replicated
 * cluster's high watermark trails by the followers' fetch) is covered by the grace, as is a
 * difference between the broker's clock and this host's.
 * <p>
 * Records not yet released stay here across polls. Nothing is committed past them: the commit
 * point of a partition is its first held record ({@link #commitPoints}), so a restart or a new
 * owner starts where the merge stood, and the merge from there goes on as it would have. A
 * partition whose records were taken in twice (a seek back) keeps only the first copy.
 * <p>
 * Plain Java, one instance per consumer thread, not thread-safe.
 */
final class CoPartitionMerge {

    private final Map<String, Integer> ranks;
    private final long graceMillis;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> held = new HashMap<>();
    /** The offset after the last record taken in, per partition: a record before it is a second copy. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    /** Where a partition's delivery must start again for nothing to be missed: its first record not applied. */
    private final Map<TopicPartition, Long> resume = new HashMap<>();
    /** The owned input partitions by partition number. */
    private final Map<Integer, List<TopicPartition>> groups = new TreeMap<>();
    private final Set<TopicPartition> blocking = new HashSet<>();
    private long blockedSince = Long.MAX_VALUE;

    /** {@code inputs} in rank order: the first wins a tie of timestamps. */
    CoPartitionMerge(List<String> inputs, long graceMillis) {
        this.ranks = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ranks.put(inputs.get(i), i);
        }
        this.graceMillis = graceMillis;
    }

    /** The partitions the consumer now owns (in addition to those it kept). */
    void assigned(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            if (ranks.containsKey(tp.topic())) {
                forget(tp);
                List<TopicPartition> group = groups.computeIfAbsent(tp.partition(), k -> new ArrayList<>());
                if (!group.contains(tp)) {
                    group.add(tp);
                }
            }
        }
    }

    /**
     * The partitions the consumer no longer owns: what was held of them is dropped. Returns where
     * each one's delivery must start again (its first record not applied), for the partitions
     * with records taken in: the next owner starts at the committed offset, but a consumer given
     * a partition back keeps its position, past what was held, so it must seek there itself.
     */
    Map<TopicPartition, Long> revoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> points = commitPoints();
        points.keySet().retainAll(partitions);
        for (TopicPartition tp : partitions) {
            forget(tp);
            List<TopicPartition> group = groups.get(tp.partition());
            if (group != null) {
                group.remove(tp);
                if (group.isEmpty()) {
                    groups.remove(tp.partition());
                }
            }
        }
        return points;
    }

    private void forget(TopicPartition tp) {
        held.remove(tp);
        next.remove(tp);
        resume.remove(tp);
    }

    /** Takes in a poll's records; a record taken in before (a seek back) is not taken again. */
    void add(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (!ranks.containsKey(r.topic())) {
                throw new IllegalArgumentException("not an input topic: " + r.topic());
            }
            Long expected = next.get(tp);
            if (expected != null && r.offset() < expected) {
                continue;
            }
            if (!groups.getOrDefault(tp.partition(), List.of()).contains(tp)) {
                assigned(List.of(tp)); // records of a partition whose assignment was not announced
            }
            held.computeIfAbsent(tp, k -> new ArrayDeque<>()).add(r);
            next.put(tp, r.offset() + 1);
            resume.putIfAbsent(tp, r.offset());
        }
    }

    /**
     * The records that may go now, in merge order; they leave the merge. {@code caughtUpAt}: the
     * latest moment (epoch milliseconds, this host's clock) at which a partition was seen with
     * nothing more to read, {@link Long#MIN_VALUE} if it was not. Afterwards {@link #blocking}
     * names the partitions whose lack of records kept a record back.
     */
    List<ConsumerRecord<String, byte[]>> release(ToLongFunction<TopicPartition> caughtUpAt) {
        blocking.clear();
        blockedSince = Long.MAX_VALUE;
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        for (List<TopicPartition> group : groups.values()) {
            while (true) {
                TopicPartition from = null;
                ConsumerRecord<String, byte[]> first = null;
                for (TopicPartition tp : group) {
                    ArrayDeque<ConsumerRecord<String, byte[]>> q = held.get(tp);
                    if (q != null && !q.isEmpty() && (first == null || before(q.peekFirst(), first))) {
                        first = q.peekFirst();
                        from = tp;
                    }
                }
                if (first == null || !mayGo(group, from, first, caughtUpAt)) {
                    break;
                }
                out.add(held.get(from).pollFirst());
            }
        }
        return out;
    }

    private boolean mayGo(List<TopicPartition> group, TopicPartition from, ConsumerRecord<String, byte[]> first,
            ToLongFunction<TopicPartition> caughtUpAt) {
        boolean go = true;
        for (TopicPartition tp : group) {
            if (tp.equals(from)) {
                continue;
            }
            ArrayDeque<ConsumerRecord<String, byte[]>> q = held.get(tp);
            boolean known = q != null && !q.isEmpty();
            if (!known) {
                long at = caughtUpAt.applyAsLong(tp);
                if (at == Long.MIN_VALUE || at - first.timestamp() < graceMillis) {
                    blocking.add(tp);
                    blockedSince = Math.min(blockedSince, first.timestamp());
                    go = false;
                }
            }
        }
        return go;
    }

    /** The partitions with no record held whose state kept a record back in the last {@link #release}. */
    Set<TopicPartition> blocking() {
        return blocking;
    }

    /**
     * The earliest timestamp of the records kept back in the last {@link #release} ({@link Long#MAX_VALUE}
     * if none): a partition seen at its end before this plus the grace does not let them go.
     */
    long blockedSince() {
        return blockedSince;
    }

    long graceMillis() {
        return graceMillis;
    }

    private boolean before(ConsumerRecord<String, byte[]> a, ConsumerRecord<String, byte[]> b) {
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() < b.timestamp();
        }
        int ra = ranks.get(a.topic());
        int rb = ranks.get(b.topic());
        return ra != rb ? ra < rb : a.offset() < b.offset();
    }

    /** Records {@code released} as applied: the partitions' delivery need not start before them again. */
    void applied(List<ConsumerRecord<String, byte[]>> released) {
        for (ConsumerRecord<String, byte[]> r : released) {
            resume.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
        }
    }

    /**
     * Per partition with records taken in since it was assigned, the offset to commit: its first
     * record held, or the one after the last applied.
     */
    Map<TopicPartition, Long> commitPoints() {
        Map<TopicPartition, Long> points = new LinkedHashMap<>();
        resume.forEach((tp, offset) -> {
            ArrayDeque<ConsumerRecord<String, byte[]>> q = held.get(tp);
            points.put(tp, q != null && !q.isEmpty() ? Math.min(offset, q.peekFirst().offset()) : offset);
        });
        return points;
    }

    /**
     * Forgets everything taken in and returns where each partition's delivery must start again
     * (its first record not applied): after a failure, the caller seeks there, and the records
     * come again.
     */
    Map<TopicPartition, Long> rewind() {
        Map<TopicPartition, Long> to = new LinkedHashMap<>(resume);
        held.clear();
        next.clear();
        resume.clear();
        return to;
    }

    /** Records held of the partition. */
    int held(TopicPartition tp) {
        ArrayDeque<ConsumerRecord<String, byte[]>> q = held.get(tp);
        return q == null ? 0 : q.size();
    }

    /** Records held in all. */
    int held() {
        return held.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
