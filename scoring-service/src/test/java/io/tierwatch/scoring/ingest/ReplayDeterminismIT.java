package io.tierwatch.scoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.TestEvents;
import io.tierwatch.testsupport.RealInfrastructure;

/**
 * The same input history gives the same tier changes, byte for byte, processed live and rebuilt
 * from scratch. Random histories of many customers (orders, tickets, master-data changes, late
 * events, dormant spells long enough for windows to age) go to the real broker as a live feed
 * does: the orders and the tickets from two producers at once, in small paced bursts, so the
 * service's polls cut and interleave them as they come. Then the state is rebuilt as an operator
 * rebuilds it (the rebuild command's steps: every key deleted, a new epoch, the group at the
 * earliest offsets), and every tier change is announced again. Each id must come back with the
 * same bytes, and no id may be new: a consumer that dedupes on the id then holds the truth.
 * <p>
 * Its own topics, consumer group and Redis database, so that no other test's records or sweeps
 * come in between; the sweep is on, as in production.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "spring.config.name=scoring-service",
        "spring.kafka.consumer.group-id=replay-it-scoring",
        "tierwatch.topics.orders=" + ReplayDeterminismIT.ORDERS,
        "tierwatch.topics.service-tickets=" + ReplayDeterminismIT.TICKETS,
        "tierwatch.topics.customers=" + ReplayDeterminismIT.CUSTOMERS,
        "tierwatch.topics.tier-changes=" + ReplayDeterminismIT.CHANGES,
        "tierwatch.scoring.policy.a-threshold=600.00", "tierwatch.scoring.policy.a-band=50.00",
        "tierwatch.scoring.policy.loss-exit-band=20.00",
        "tierwatch.scoring.progress.check-interval=1s"})
@DirtiesContext
class ReplayDeterminismIT {

    static final String ORDERS = "replay-it.orders";
    static final String TICKETS = "replay-it.service-tickets";
    static final String CUSTOMERS = "replay-it.customers";
    static final String CHANGES = "replay-it.customer-tier-changes";
    private static final int PARTITIONS = 3;
    private static final LocalDate START = LocalDate.parse("2024-01-01");

    @DynamicPropertySource
    static void ownRedisDatabase(DynamicPropertyRegistry registry) {
        RealInfrastructure.kafka().createTopics(List.of(ORDERS, TICKETS, CUSTOMERS).stream()
                .map(t -> Topics.newTopic(t, PARTITIONS, true)).toList());
        registry.add("tierwatch.redis.url", () -> RealInfrastructure.redis().url() + "/5");
    }

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    StateRebuild rebuild;
    @Autowired
    EpochGuard guard;

    @Test
    void aRebuildReannouncesEveryTierChangeWithTheSameBytesAndNoOther() throws Exception {
        // a failure names its seed; REPLAY_SEED=<seed> runs that history again
        String fixed = System.getenv("REPLAY_SEED");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        Random random = new Random(seed);
        List<ProducerRecord<String, byte[]>> history = history(random, 60);

        publishLive(history, random);
        awaitApplied();
        Map<String, List<String>> live = changesById();
        assertThat(live).as("seed %d: the history makes tier changes, sweeps among them", seed).hasSizeGreaterThan(60);
        assertThat(live.values()).as("seed %d: live, each id once", seed).allMatch(v -> v.size() == 1);
        assertThat(live.values().stream().map(v -> v.get(0)).filter(v -> v.contains("\"triggeringEventId\":\"sweep:")))
                .as("seed %d: some changes were made by a sweep", seed).isNotEmpty();

        registry.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.getListenerContainers().stream()
                    .noneMatch(c -> c.isRunning()));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> rebuild.rebuild().events() > 0);
            guard.establish();
        } finally {
            registry.start();
        }
        awaitApplied();
        Map<String, List<String>> both = changesById();

        assertThat(both.keySet()).as("seed %d: the rebuild announced no id the live run did not", seed)
                .containsExactlyInAnyOrderElementsOf(live.keySet());
        both.forEach((id, values) -> {
            assertThat(values).as("seed %d: %s announced live and again by the rebuild", seed, id).hasSize(2);
            assertThat(values.get(1)).as("seed %d: %s, rebuilt", seed, id).isEqualTo(values.get(0));
        });
    }

    /** Every tier change on the output topic so far, by id: the record's value and its CloudEvents headers, as text. */
    private static Map<String, List<String>> changesById() {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(CHANGES).stream()
                    .map(p -> new TopicPartition(CHANGES, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope<?> event = CloudEventsKafka.fromRecord(r);
                    StringBuilder text = new StringBuilder(new String(r.value(), StandardCharsets.UTF_8));
                    for (Header h : r.headers()) {
                        if (h.key().startsWith("ce_")) {
                            text.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                        }
                    }
                    byId.computeIfAbsent(event.id(), k -> new ArrayList<>()).add(text.toString());
                }
            }
        }
        return byId;
    }

    /** Waits until the group has committed every input record, that is, applied it. */
    private static void awaitApplied() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            List<TopicPartition> inputs = new ArrayList<>();
            for (String topic : List.of(ORDERS, TICKETS, CUSTOMERS)) {
                for (int p = 0; p < PARTITIONS; p++) {
                    inputs.add(new TopicPartition(topic, p));
                }
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(inputs.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS).forEach((p, info) -> end.put(p, info.offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("replay-it-scoring")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return inputs.stream().allMatch(p -> end.get(p) == 0
                        || committed.get(p) != null && committed.get(p).offset() == end.get(p));
            });
        }
    }

    /**
     * The orders and tickets from two producers at once, each in the history's order, in bursts
     * of a few records with a pause of a few milliseconds between them (a load generator's pace);
     * master data from a third.
     */
    private static void publishLive(List<ProducerRecord<String, byte[]>> history, Random random) throws Exception {
        Map<String, List<ProducerRecord<String, byte[]>>> byTopic = history.stream()
                .collect(Collectors.groupingBy(ProducerRecord::topic, LinkedHashMap::new, Collectors.toList()));
        List<Thread> producers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (List<ProducerRecord<String, byte[]>> records : byTopic.values()) {
            long pace = random.nextLong();
            Thread producerThread = new Thread(() -> {
                Random own = new Random(pace);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < records.size(); i++) {
                        producer.send(records.get(i));
                        if (own.nextInt(4) == 0) {
                            producer.flush();
                            java.util.concurrent.locks.LockSupport.parkNanos(own.nextInt(15) * 1_000_000L);
                        }
                    }
                    producer.flush();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            producerThread.start();
            producers.add(producerThread);
        }
        for (Thread t : producers) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Random lives of {@code customers} customers over about 18 months, as one feed in day order
     * with some events late by up to ten days: orders around the A threshold, tickets that can push
     * a customer into loss, now and then master data (customer-since, strategic), and gaps of up to
     * four months in which a window ages out.
     */
    private static List<ProducerRecord<String, byte[]>> history(Random random, int customers) {
        record Dated(long day, int sequence, ProducerRecord<String, byte[]> record) {
        }
        List<Dated> feed = new ArrayList<>();
        int sequence = 0;
        for (int c = 0; c < customers; c++) {
            String id = "replay-" + c + "-" + Long.toHexString(random.nextLong() >>> 32);
            long day = START.toEpochDay() + random.nextInt(120);
            int events = 3 + random.nextInt(25);
            for (int e = 0; e < events; e++) {
                day += random.nextInt(10) == 0 ? 60 + random.nextInt(70) : random.nextInt(12);
                long at = day - (random.nextInt(10) == 0 ? random.nextInt(10) : 0);
                Instant when = LocalDate.ofEpochDay(at).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(random.nextInt(86_400));
                int dice = random.nextInt(100);
                ProducerRecord<String, byte[]> record;
                if (dice < 65) {
                    long price = 2_000 + random.nextInt(60_000);
                    long cost = price * (20 + random.nextInt(90)) / 100;
                    record = record(ORDERS, id, new OrderPlaced("o-" + id + "-" + e, id, when, "EUR",
                            List.of(new OrderLine("sku", 1, Money.ofMinor(price), Money.ofMinor(cost), null)), null));
                } else if (dice < 92) {
                    long parts = 1_000 + random.nextInt(40_000);
                    record = record(TICKETS, id, new ServiceTicketClosed("t-" + id + "-" + e, id, when, "EUR", 0, null,
                            Money.ofMinor(parts), null, null, false, null, null));
                } else {
                    LocalDate since = random.nextBoolean() ? null : LocalDate.ofEpochDay(day - random.nextInt(800));
                    record = record(CUSTOMERS, id, new CustomerUpserted(id, "Customer " + c, "rep-" + (c % 4), since,
                            random.nextInt(4) == 0, when));
                }
                feed.add(new Dated(day, sequence++, record));
            }
        }
        feed.sort(Comparator.comparingLong(Dated::day).thenComparingInt(Dated::sequence));
        return feed.stream().map(Dated::record).toList();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String customerId, Object data) {
        return CloudEventsKafka.toRecord(topic, EventEnvelope.of("ev-" + java.util.UUID.randomUUID(), TestEvents.SOURCE,
                Instant.now(), customerId, data));
    }
}
