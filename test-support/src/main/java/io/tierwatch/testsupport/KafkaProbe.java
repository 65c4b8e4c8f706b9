package io.tierwatch.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;

/**
 * Watches topics from the moment it is created (earlier records are not seen), so tests sharing
 * one broker do not see each other's past. Also sends records, as any producer would.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private KafkaProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    public static KafkaProbe watching(String... topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new KafkaProbe(consumer);
    }

    /** Every record seen so far, polling once more. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** Waits until {@code count} records match, and returns those that do. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> records().stream().filter(matching).toList(), list -> list.size() >= count);
    }

    public List<EventEnvelope<?>> events(String topic) {
        return records(topic).stream().<EventEnvelope<?>>map(CloudEventsKafka::fromRecord).toList();
    }

    public static void send(ProducerRecord<String, byte[]> record) {
        sendAll(List.of(record));
    }

    /** Sends the records in order, with one producer, and waits for every acknowledgement. */
    public static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + records.size() + " test records", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
