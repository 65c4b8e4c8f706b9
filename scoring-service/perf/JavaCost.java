package io.tierwatch.scoring.ledger;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

import io.tierwatch.bench.load.SyntheticStream;
import io.tierwatch.bench.script.Ledger;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.scoring.outbox.OutboxEntry;
import redis.clients.jedis.CommandObjects;

/**
 * The Java work of scoring-service per event, alone: bench's synthetic stream (same seed and skew)
 * as input records, decoded as the listener decodes them, applied and diffed as the ledger does,
 * the commit's EVALSHA arguments built by Jedis, the tier changes turned into records as the
 * publisher does; in batches of 500, on one thread, with no Redis, no Kafka and no other process.
 * Redis is a map of the states the commits would leave (published tier changes removed). What the
 * service spends per event beyond these figures goes to I/O, the Kafka clients, Jedis's protocol,
 * the JIT, the GC and the shared cores. Usage: perf/java-cost.sh [events] [customers] [rounds].
 */
public class JavaCost {

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        int customers = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Class<?> decoderClass = Class.forName("io.tierwatch.scoring.ingest.RecordDecoder");
        Constructor<?> constructor = decoderClass.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Object decoder = constructor.newInstance("EUR");
        Method decode = decoderClass.getDeclaredMethod("decode", ConsumerRecord.class);
        decode.setAccessible(true);
        URI source = URI.create("/tierwatch/scoring-service");
        for (int round = 1; round <= rounds; round++) {
            SyntheticStream stream = new SyntheticStream("syn-", customers, 0.9, (double) customers / events * 0.9,
                    20261127, n -> Instant.parse("2026-06-01T00:00:00Z").plusSeconds(n * 13));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                EventEnvelope<?> e = stream.next();
                ProducerRecord<String, byte[]> r = CloudEventsKafka.toRecord(e.type().defaultTopic(), e);
                records.add(new ConsumerRecord<>(r.topic(), 0, i, 0L, TimestampType.CREATE_TIME, 0, r.value().length,
                        r.key(), r.value(), r.headers(), Optional.empty()));
            }
            Map<String, Map<String, String>> redis = new HashMap<>();
            Applier applier = new Applier(Ledger.SETTINGS);
            CommitScript script = new CommitScript();
            CommandObjects jedis = new CommandObjects();
            long decodeNanos = 0;
            long ledgerNanos = 0;
            long argsNanos = 0;
            long publishNanos = 0;
            long published = 0;
            long sink = 0;
            for (int from = 0; from < events; from += 500) {
                List<ConsumerRecord<String, byte[]>> batch = records.subList(from, Math.min(events, from + 500));
                long t0 = System.nanoTime();
                List<LedgerCommand> commands = new ArrayList<>(batch.size());
                for (ConsumerRecord<String, byte[]> r : batch) {
                    commands.add((LedgerCommand) decode.invoke(decoder, r));
                }
                long t1 = System.nanoTime();
                Map<String, CustomerWork> works = new LinkedHashMap<>();
                for (LedgerCommand c : commands) {
                    works.computeIfAbsent(c.customerId(), id -> new CustomerWork(id, redis.getOrDefault(id, Map.of())))
                            .apply(applier, c);
                }
                List<CustomerWork> writes = new ArrayList<>();
                for (CustomerWork w : works.values()) {
                    if (w.hasWrites()) {
                        writes.add(w);
                    }
                }
                long t2 = System.nanoTime();
                List<String> keys = new ArrayList<>();
                List<String> argv = new ArrayList<>();
                for (CustomerWork w : writes) {
                    keys.addAll(LedgerKeys.scriptKeys(w.customerId));
                    script.argv(w, argv);
                }
                sink += jedis.evalsha("0123456789abcdef0123456789abcdef01234567", keys, argv).getArguments().size();
                long t3 = System.nanoTime();
                for (CustomerWork w : works.values()) {
                    for (Map.Entry<String, Map<String, String>> entry : w.outbox.entrySet()) {
                        CustomerTierChanged change = OutboxEntry.of(w.customerId, entry.getValue(), Ledger.SETTINGS.policy());
                        sink += CloudEventsKafka.toRecord("tierwatch.customer-tier-changes",
                                EventEnvelope.of(change.eventId(), source, change.occurredAt(), w.customerId, change))
                                .value().length;
                        published++;
                    }
                }
                long t4 = System.nanoTime();
                for (CustomerWork w : works.values()) {
                    Map<String, String> stored = new HashMap<>(w.stored());
                    stored.keySet().removeIf(field -> field.startsWith(CustomerState.PENDING));
                    redis.put(w.customerId, stored);
                }
                decodeNanos += t1 - t0;
                ledgerNanos += t2 - t1;
                argsNanos += t3 - t2;
                publishNanos += t4 - t3;
            }
            double n = events * 1000.0;
            System.out.printf("round %d: µs per event: decode %.2f, ledger (apply, diff) %.2f, commit arguments %.2f, "
                    + "tier-change records %.2f; all %.2f (%d events, %d tier changes; %d)%n", round, decodeNanos / n,
                    ledgerNanos / n, argsNanos / n, publishNanos / n, (decodeNanos + ledgerNanos + argsNanos + publishNanos) / n,
                    events, published, sink % 10);
        }
    }
}
