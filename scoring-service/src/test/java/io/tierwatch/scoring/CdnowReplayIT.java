package io.tierwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.testsupport.RealInfrastructure;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Replays the real CDNOW purchase history (69,659 purchases of 23,570 customers) as OrderPlaced
 * events and checks every customer's lifetime revenue against sums computed straight from the
 * file. Cost of goods is a documented 70% of each purchase's value (rounded half up to the
 * cent), since the dataset has none. Prints the Redis measurements quoted in docs.
 */
@ScoringIT
class CdnowReplayIT {

    private final MeterRegistry meters;

    CdnowReplayIT(@Autowired MeterRegistry meters) {
        this.meters = meters;
    }

    static final Path DATA = Path.of(System.getProperty("tierwatch.cdnow", "../../shared/datasets/CDNOW_master.txt"));
    static final BigDecimal COST_RATIO = new BigDecimal("0.70");
    /**
     * Rows are sorted by customer, so a prefix is the complete history of the first customers.
     * CI replays this many; {@code -Dtierwatch.cdnow.full=true} replays all 69,659.
     */
    static final int SUBSET_ROWS = 15_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    record Purchase(int line, String customerId, LocalDate date, int cds, BigDecimal dollars) {
    }

    @Test
    void replaysCdnowToExactLifetimeRevenuePerCustomer() throws IOException {
        Assumptions.assumeTrue(Files.exists(DATA), "CDNOW dataset not found at " + DATA.toAbsolutePath());
        List<Purchase> purchases = read(Boolean.getBoolean("tierwatch.cdnow.full") ? Integer.MAX_VALUE
                : Integer.getInteger("tierwatch.cdnow.rows", SUBSET_ROWS));
        Map<String, long[]> expected = new TreeMap<>();
        for (Purchase p : purchases) {
            long[] sums = expected.computeIfAbsent(p.customerId(), id -> new long[2]);
            sums[0] += p.dollars().movePointRight(2).longValueExact();
            sums[1]++;
        }
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
            assertThat(expected).hasSize(purchases.size() == 69_659 ? 23_570 : expected.size());
            report(jedis, purchases.size(), expected.size(), memoryBefore, elapsedMs);
        }
    }

    static List<Purchase> read(int limit) throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA);
        for (int i = 1; i < lines.size() && purchases.size() < limit; i++) {
            String[] f = lines.get(i).strip().split("\\s+");
            purchases.add(new Purchase(i, "cdnow-" + f[0], LocalDate.parse(f[1], DATE), Integer.parseInt(f[2]),
                    new BigDecimal(f[3])));
        }
        return purchases;
    }

    /** A purchase as an order of one line: the basket of CDs at its recorded value. */
    static OrderPlaced order(Purchase p) {
        Money value = Money.ofMinor(p.dollars().movePointRight(2).longValueExact());
        Money cost = Money.ofMinor(p.dollars().multiply(COST_RATIO).setScale(2, RoundingMode.HALF_UP)
                .movePointRight(2).longValueExact());
        return new OrderPlaced("cdnow-" + p.line(), p.customerId(), p.date().atTime(12, 0).toInstant(ZoneOffset.UTC),
                "EUR", List.of(new OrderLine("cds-x" + p.cds(), 1, value, cost, null)), null);
    }

    private static void send(List<Purchase> purchases) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144), new StringSerializer(), new ByteArraySerializer())) {
            for (Purchase p : purchases) {
                OrderPlaced order = order(p);
                producer.send(CloudEventsKafka.toRecord(Topics.ORDERS, EventEnvelope.of("cdnow-line-" + p.line(),
                        TestEvents.SOURCE, order.occurredAt(), p.customerId(), order)));
            }
            producer.flush();
        }
    }

    private static List<String> mismatches(JedisPooled jedis, Map<String, long[]> expected, String field, int index) {
        Map<String, Response<String>> replies = new HashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            expected.keySet().forEach(id -> replies.put(id, pipeline.hget(LedgerKeys.state(id), field)));
            pipeline.sync();
        }
        return expected.entrySet().stream()
                .filter(e -> e.getValue()[index] != value(replies.get(e.getKey()).get()))
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
