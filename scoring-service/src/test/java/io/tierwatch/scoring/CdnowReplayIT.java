package io.tierwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.Cdnow.Purchase;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Replays the real CDNOW purchase history ({@link Cdnow}) as OrderPlaced events through Kafka and
 * checks every customer's lifetime revenue against sums computed straight from the file. Prints
 * the Redis measurements quoted in docs.
 */
@ScoringIT
class CdnowReplayIT {

    private final MeterRegistry meters;

    CdnowReplayIT(@Autowired MeterRegistry meters) {
        this.meters = meters;
    }

    @Test
    void replaysCdnowToExactLifetimeRevenuePerCustomer() throws IOException {
        Assumptions.assumeTrue(Cdnow.available(), "CDNOW dataset not found at " + Cdnow.DATA.toAbsolutePath());
        List<Purchase> purchases = Cdnow.purchases("cdnow-");
        Map<String, long[]> expected = Cdnow.expected(purchases);
        try (JedisPooled jedis = new JedisPooled(RealInfrastructure.redis().host(), RealInfrastructure.redis().port())) {
            try (Jedis raw = RealInfrastructure.redis().connect()) {
                raw.configResetStat();
            }
            long memoryBefore = usedMemory(jedis);
            long started = System.nanoTime();
            send(purchases);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> mismatches(jedis, expected, "lo", 1).isEmpty());
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(mismatches(jedis, expected, "lr", 0)).isEmpty();
            if (purchases.size() == Cdnow.ROWS) {
                assertThat(expected).hasSize(Cdnow.CUSTOMERS); // the dataset's documented cohort
            }
            report(jedis, purchases.size(), expected.size(), memoryBefore, elapsedMs);
        }
    }

    private static void send(List<Purchase> purchases) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144), new StringSerializer(), new ByteArraySerializer())) {
            for (Purchase p : purchases) {
                OrderPlaced order = Cdnow.order(p);
                producer.send(CloudEventsKafka.toRecord(Topics.ORDERS, EventEnvelope.of("cdnow-line-" + p.line(),
                        TestEvents.SOURCE, order.occurredAt(), p.customerId(), order)));
            }
            producer.flush();
        }
    }

    private static List<String> mismatches(JedisPooled jedis, Map<String, long[]> expected, String field, int index) {
        Map<String, Response<Map<String, String>>> replies = new HashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            expected.keySet().forEach(id -> replies.put(id, pipeline.hgetAll(LedgerKeys.state(id))));
            pipeline.sync();
        }
        return expected.entrySet().stream()
                .filter(e -> e.getValue()[index] != value(LedgerKeys.stateFields(replies.get(e.getKey()).get()).get(field)))
                .map(Map.Entry::getKey).toList();
    }

    /** Zero increments are not written, so a customer whose purchases were all 0.00 has no revenue field. */
    private static long value(String field) {
        return field == null ? 0 : Long.parseLong(field);
    }

    private static long usedMemory(JedisPooled jedis) {
        return Long.parseLong(info(jedis, "memory", "used_memory"));
    }

    private static String info(JedisPooled jedis, String section, String key) {
        return jedis.info(section).lines().filter(l -> l.startsWith(key + ":") || l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse("");
    }

    private void report(JedisPooled jedis, int purchases, int customers, long memoryBefore, long elapsedMs) {
        long memoryAfter = usedMemory(jedis);
        long sampled = 0;
        int sample = Math.min(1_000, customers);
        try (Jedis raw = RealInfrastructure.redis().connect()) {
            for (int i = 1; i <= sample; i++) {
                String id = String.format("cdnow-%05d", i);
                for (String key : LedgerKeys.scriptKeys(id)) {
                    Long usage = raw.memoryUsage(key);
                    sampled += usage == null ? 0 : usage;
                }
            }
        }
        Timer batches = meters.get("tierwatch.scoring.batch.apply").timer();
        System.out.printf("CDNOW-MEASURE purchases=%d customers=%d replay_ms=%d evalsha=%s used_memory_delta=%d "
                        + "bytes_per_customer=%d memory_usage_sample_bytes_per_customer=%d batches=%d "
                        + "batch_apply_total_ms=%.0f batch_apply_max_ms=%.0f%n", purchases, customers,
                elapsedMs, info(jedis, "commandstats", "cmdstat_evalsha"), memoryAfter - memoryBefore,
                (memoryAfter - memoryBefore) / customers, sampled / sample, batches.count(),
                batches.totalTime(TimeUnit.MILLISECONDS), batches.max(TimeUnit.MILLISECONDS));
    }
}
