package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The merge's order is the log's, however the records arrive. A model of a live consumer: three
 * co-partitioned topics whose records are stamped by the broker (timestamps that never go down
 * along a partition, often equal across topics); a record becomes visible some time after its
 * timestamp, less than the grace (a follower's fetch); polls bring any part of what is visible,
 * sometimes a part brought before (a seek back); the consumer sometimes restarts from its commit
 * points with an empty merge (a crash, a rebalance). Whatever the arrival, the records released
 * are every record once, in (timestamp, topic rank, offset) order: the order a rebuild, which finds
 * every record already there, also gives.
 */
class CoPartitionMergeTest {

    private static final List<String> TOPICS = List.of("orders", "tickets", "customers");
    private static final long GRACE = 10;

    /** 500 random histories and arrivals; a failure names its seed, for {@link #oneArrival} to run again. */
    @Test
    void recordsAreReleasedInTheLogsOrderHoweverTheyArrive() {
        long first = System.nanoTime();
        for (long seed = first; seed < first + 500; seed++) {
            oneArrival(seed);
        }
    }

    private static void oneArrival(long seed) {
        Random random = new Random(seed);
        int partition = random.nextInt(3);
        Map<String, List<ConsumerRecord<String, byte[]>>> log = new HashMap<>();
        Map<String, Long> delay = new HashMap<>();
        for (String topic : TOPICS) {
            log.put(topic, history(random, topic, partition, random.nextInt(25)));
            delay.put(topic, (long) random.nextInt((int) GRACE));
        }
        List<ConsumerRecord<String, byte[]>> expected = log.values().stream().flatMap(List::stream)
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingLong(ConsumerRecord::timestamp)
                        .thenComparingInt(r -> TOPICS.indexOf(r.topic())).thenComparingLong(ConsumerRecord::offset))
                .toList();

        List<ConsumerRecord<String, byte[]>> released = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        TOPICS.forEach(t -> position.put(t, 0));
        // where the current consumer started: a seek back never goes before it (the watermarks
        // skip what a consumer redelivers from before its own start, not the merge)
        Map<String, Integer> start = new HashMap<>(position);
        CoPartitionMerge merge = newMerge(partition);
        long end = expected.isEmpty() ? 0 : expected.get(expected.size() - 1).timestamp() + 2 * GRACE;
        for (long now = 0; now <= end + 1; now += random.nextInt(4)) {
            if (random.nextInt(20) == 0) {
                // a crash: a new consumer starts at the committed offsets, with nothing held
                Map<TopicPartition, Long> points = merge.commitPoints();
                TOPICS.forEach(t -> position.put(t, Math.toIntExact(
                        points.getOrDefault(new TopicPartition(t, partition), (long) position0(released, t)))));
                start.putAll(position);
                merge = newMerge(partition);
            }
            List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
            Map<TopicPartition, Boolean> caughtUp = new HashMap<>();
            for (String topic : TOPICS) {
                List<ConsumerRecord<String, byte[]>> records = log.get(topic);
                long seen = now - delay.get(topic);
                int visible = (int) records.stream().filter(r -> r.timestamp() <= seen).count();
                int from = position.get(topic);
                if (random.nextInt(10) == 0 && from > start.get(topic)) {
                    // a seek back: some records come a second time
                    from = start.get(topic) + random.nextInt(from - start.get(topic));
                }
                int to = from + random.nextInt(Math.max(1, visible - from + 1));
                to = Math.max(position.get(topic), Math.min(to, visible));
                poll.addAll(records.subList(Math.min(from, to), to));
                position.put(topic, to);
                caughtUp.put(new TopicPartition(topic, partition), to == visible);
            }
            merge.add(poll);
            long at = now;
            List<ConsumerRecord<String, byte[]>> out = merge.release(tp -> caughtUp.get(tp) ? at : Long.MIN_VALUE);
            merge.applied(out);
            released.addAll(out);
        }
        // the end of the log: everything visible, everything read
        List<ConsumerRecord<String, byte[]>> rest = new ArrayList<>();
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, byte[]>> records = log.get(topic);
            rest.addAll(records.subList(position.get(topic), records.size()));
        }
        merge.add(rest);
        released.addAll(merge.release(tp -> Long.MAX_VALUE));

        assertThat(released).as("seed %d", seed).extracting(CoPartitionMergeTest::name).containsExactlyElementsOf(
                expected.stream().map(CoPartitionMergeTest::name).toList());
        assertThat(merge.held()).as("seed %d", seed).isZero();
    }

    @Test
    void aRecordWaitsForItsCoPartitionsUntilTheyAreReadOrCaughtUpForTheGrace() {
        CoPartitionMerge merge = newMerge(0);
        ConsumerRecord<String, byte[]> order = record("orders", 0, 0, 100);
        ConsumerRecord<String, byte[]> ticket = record("tickets", 0, 0, 100);
        merge.add(List.of(order));

        assertThat(merge.release(tp -> Long.MIN_VALUE)).as("the tickets partition has more to read").isEmpty();
        assertThat(merge.blocking()).containsExactlyInAnyOrder(new TopicPartition("tickets", 0),
                new TopicPartition("customers", 0));
        assertThat(merge.release(tp -> 105)).as("caught up, but too soon after the order's timestamp").isEmpty();
        assertThat(merge.commitPoints()).containsEntry(new TopicPartition("orders", 0), 0L);

        merge.add(List.of(ticket));
        assertThat(merge.release(tp -> tp.topic().equals("customers") ? 1_000 : Long.MIN_VALUE))
                .as("same timestamp: the orders topic ranks first").containsExactly(order);
        assertThat(merge.commitPoints()).as("the order is released but not yet applied")
                .containsEntry(new TopicPartition("orders", 0), 0L);
        merge.applied(List.of(order));
        assertThat(merge.commitPoints()).containsEntry(new TopicPartition("orders", 0), 1L)
                .containsEntry(new TopicPartition("tickets", 0), 0L);
        assertThat(merge.release(tp -> 110)).containsExactly(ticket);
    }

    @Test
    void aRewindReturnsEachPartitionsFirstRecordNotAppliedAndForgetsWhatWasHeld() {
        CoPartitionMerge merge = newMerge(1);
        merge.add(List.of(record("orders", 1, 7, 1), record("orders", 1, 8, 2), record("tickets", 1, 3, 5)));
        List<ConsumerRecord<String, byte[]>> out = merge.release(tp -> 100);
        assertThat(out).extracting(CoPartitionMergeTest::name).containsExactly("orders@7", "orders@8", "tickets@3");
        merge.applied(out.subList(0, 1));

        assertThat(merge.rewind()).containsEntry(new TopicPartition("orders", 1), 8L)
                .containsEntry(new TopicPartition("tickets", 1), 3L);
        assertThat(merge.held()).isZero();
        merge.add(List.of(record("orders", 1, 8, 2)));
        assertThat(merge.held()).as("after a rewind, the records come again and are taken in").isEqualTo(1);
    }

    private static int position0(List<ConsumerRecord<String, byte[]>> released, String topic) {
        return (int) released.stream().filter(r -> r.topic().equals(topic)).count();
    }

    private static CoPartitionMerge newMerge(int partition) {
        CoPartitionMerge merge = new CoPartitionMerge(TOPICS, GRACE);
        merge.assigned(TOPICS.stream().map(t -> new TopicPartition(t, partition)).toList());
        return merge;
    }

    private static List<ConsumerRecord<String, byte[]>> history(Random random, String topic, int partition, int n) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long ts = random.nextInt(5);
        for (int offset = 0; offset < n; offset++) {
            ts += random.nextInt(4); // 0: the same millisecond as the one before
            records.add(record(topic, partition, offset, ts));
        }
        return records;
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, long timestamp) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp,
                org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, 0, 0, "c", new byte[0],
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }

    private static String name(ConsumerRecord<String, byte[]> r) {
        return r.topic() + "@" + r.offset();
    }
}
