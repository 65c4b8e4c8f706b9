package io.tierwatch.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the history of topics from their beginning, as a service does when it recovers what it
 * kept from Kafka after losing its Redis: each poll's valid events are handed over together (so a
 * caller can write them in one pipeline), in each partition's order; records that are not valid
 * events are passed over (they were dead-lettered when they were first read).
 */
public final class KafkaHistory {

    private KafkaHistory() {
    }

    /** A record and the event it holds. */
    public record Read(ConsumerRecord<String, byte[]> record, EventEnvelope<?> event) {
    }

    public static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /**
     * Reads each partition of {@code until} from its beginning up to (not including) its offset
     * there; returns how many valid events were handed to {@code batch}.
     */
    public static long read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> until,
            Consumer<List<Read>> batch) {
        List<TopicPartition> partitions = new ArrayList<>(until.keySet());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long events = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < until.get(p))) {
            List<Read> reads = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                if (record.offset() >= until.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                try {
                    reads.add(new Read(record, CloudEventsKafka.fromRecord(record)));
                } catch (InvalidEventException | IllegalArgumentException e) {
                    // never applied: nothing was kept of it
                }
            }
            if (!reads.isEmpty()) {
                batch.accept(reads);
                events += reads.size();
            }
        }
        return events;
    }
}
