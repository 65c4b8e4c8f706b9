package io.tierwatch.order.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;

/**
 * Answers "did Kafka take this event?" after a process died between the broker's ack and
 * marking the event done in Redis. The record can only be in the partition its key maps to,
 * written after the claim, so the search reads that one partition from the claim time (less a
 * clock margin) to its current end. Rare path: only a crashed claimant leads here.
 */
@Component
public class PublishedEventFinder {

    private static final long CLOCK_MARGIN_MILLIS = 60_000;

    private final Map<String, Object> config;

    PublishedEventFinder(KafkaProperties kafka) {
        this.config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    public boolean contains(String topic, String key, String eventId, long claimedAtMillis) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
            TopicPartition partition = new TopicPartition(topic,
                    BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            OffsetAndTimestamp from = consumer.offsetsForTimes(
                    Map.of(partition, Math.max(0, claimedAtMillis - CLOCK_MARGIN_MILLIS)), Duration.ofSeconds(10))
                    .get(partition);
            consumer.seek(partition, from == null ? end : from.offset());
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < end && key.equals(record.key()) && eventId.equals(idOf(record))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException("cannot search " + topic + " for " + eventId, e);
        }
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader(CloudEventsKafka.ID);
        return id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
    }
}
