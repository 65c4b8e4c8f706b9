package io.tierwatch.scoring.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.ledger.PendingChanges;
import io.tierwatch.scoring.metrics.ScoringMetrics;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Publishes the tier changes the customers' states and outbox hashes hold pending
 * ({@link PendingChanges}), waits for Kafka's acknowledgements, then removes the entries. Runs before the consumer commits its offsets, so a crash anywhere in between
 * leaves the entries in place and the replayed records publish them again, with the same ids.
 */
@Component
public class OutboxPublisher {

    public static final URI SOURCE = URI.create("/tierwatch/scoring-service");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Comparator<Map.Entry<String, Map<String, String>>> BY_VERSION =
            Map.Entry.comparingByKey(Comparator.comparingLong(Long::parseLong));

    private final JedisPooled jedis;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ScoringProperties properties;
    private final ScoringMetrics metrics;

    OutboxPublisher(JedisPooled jedis, KafkaTemplate<String, byte[]> kafka, ScoringProperties properties,
            ScoringMetrics metrics) {
        this.jedis = jedis;
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Writes added to the pipeline that follows the acknowledgements; returns how many commands it added. */
    public interface AfterAck {
        int write(AbstractPipeline pipeline);
    }

    /**
     * Publishes pending tier changes: those given (customer → version → entry fields, from the
     * commit; {@code whole}: the versions of them stored in the outbox hash, the others are
     * compact in the state hash) and whatever the states and outboxes of {@code toRead} hold.
     * Once Kafka has them, each goes to the front of its customer's history list and leaves the
     * state or the outbox, in one pipeline with {@code afterAck}'s writes (the tier indexes),
     * which is sent even when nothing was published.
     */
    public List<CustomerTierChanged> publish(Map<String, Map<String, Map<String, String>>> known,
            Map<String, Set<String>> whole, Collection<String> toRead, AfterAck afterAck) {
        if (known.isEmpty() && toRead.isEmpty()) {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                if (afterAck.write(pipeline) > 0) {
                    pipeline.sync();
                }
            }
            return List.of();
        }
        long t0 = System.nanoTime();
        Map<String, Map<String, Map<String, String>>> outboxes = new LinkedHashMap<>(known);
        Map<String, Set<String>> inOutboxHash = new LinkedHashMap<>(whole);
        read(toRead, outboxes, inOutboxHash);
        List<CustomerTierChanged> events = new ArrayList<>();
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
        outboxes.forEach((customerId, entries) -> entries.entrySet().stream().sorted(BY_VERSION)
                .forEach(entry -> {
                    CustomerTierChanged event = OutboxEntry.of(customerId, entry.getValue(),
                            properties.scoring().policy().settings());
                    events.add(event);
                    acks.add(kafka.send(CloudEventsKafka.toRecord(properties.topics().tierChanges(),
                            EventEnvelope.of(event.eventId(), SOURCE, event.occurredAt(), customerId, event))));
                }));
        long t1 = System.nanoTime();
        // the poll waits for these acks anyway: send now rather than after linger.ms (5 ms by default)
        kafka.flush();
        await(acks);
        long t2 = System.nanoTime();
        // a crash between these writes repeats a history entry on the replay: readers skip repeats
        int kept = properties.scoring().historyKept();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            afterAck.write(pipeline);
            outboxes.forEach((customerId, entries) -> {
                String history = LedgerKeys.history(customerId);
                // moves between tiers only: a first classification (most customers have just that)
                // is the customer's state version 1 and its INITIAL event, and would double the
                // memory of a one-order customer as a list of one
                List<String> moves = entries.entrySet().stream().sorted(BY_VERSION)
                        .filter(entry -> !entry.getValue().getOrDefault("prev", "").isEmpty())
                        .map(entry -> OutboxEntry.historyOf(entry.getValue())).toList();
                if (!moves.isEmpty()) {
                    pipeline.lpush(history, moves.toArray(String[]::new));
                    pipeline.ltrim(history, 0, kept - 1);
                }
                PendingChanges.drop(pipeline, customerId, entries.keySet(),
                        inOutboxHash.getOrDefault(customerId, Set.of()));
            });
            pipeline.sync();
        }
        metrics.step(ScoringMetrics.Step.SEND, t1 - t0);
        metrics.step(ScoringMetrics.Step.ACK, t2 - t1);
        metrics.step(ScoringMetrics.Step.HISTORY, System.nanoTime() - t2);
        return events;
    }

    /**
     * Reads what the states (compact entries) and outbox hashes (whole ones) of {@code customerIds}
     * hold pending, replacing what {@code outboxes} has for them (the commit's entries are among them,
     * unless another writer published them meanwhile: then they are published again, with the same
     * ids), and notes the versions found in the outbox hashes.
     */
    private void read(Collection<String> customerIds, Map<String, Map<String, Map<String, String>>> outboxes,
            Map<String, Set<String>> inOutboxHash) {
        Map<String, Response<Map<String, String>>> hashed = new LinkedHashMap<>();
        Map<String, Response<Map<String, String>>> states = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            customerIds.forEach(id -> {
                hashed.put(id, pipeline.hgetAll(LedgerKeys.outbox(id)));
                states.put(id, pipeline.hgetAll(LedgerKeys.state(id)));
            });
            pipeline.sync();
        }
        customerIds.forEach(id -> {
            Map<String, Map<String, String>> entries = new LinkedHashMap<>(PendingChanges.in(states.get(id).get()));
            hashed.get(id).get().forEach((version, json) -> entries.put(version, OutboxEntry.fields(json)));
            if (!entries.isEmpty()) {
                outboxes.put(id, entries);
                inOutboxHash.put(id, hashed.get(id).get().keySet());
            }
        });
    }

    private static void await(List<CompletableFuture<SendResult<String, byte[]>>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing tier changes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("tier changes not acknowledged by Kafka; outbox kept for a retry", e);
        }
    }
}
