package io.tierwatch.notification.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventType;
import io.tierwatch.contracts.KafkaHistory;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.customers.CustomerDirectory;
import io.tierwatch.notification.redis.StoreLostException;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;

/**
 * notification-service deduplicates alerts on the tier change's id with a seen marker in Redis
 * ({@code tw:notify:seen:<id>}, kept {@code dedupe-ttl}), and keeps the customers' owners there.
 * When Redis loses them, a replayed or re-announced tier change (a scoring rebuild announces every
 * change again) would alert a second time. So:
 * <ul>
 * <li>a marker ({@link StoreLostException#MARKER}) says this Redis holds the records; the alert
 *     script checks it atomically and records nothing without it (the poll is retried as in an
 *     outage, never dead-lettered);</li>
 * <li>every few seconds the marker is looked for: gone, and Redis holds no seen marker, the seen
 *     markers are recovered from the tier-change topic, every record up to this service's committed
 *     offsets (what it had handled), each kept for what is left of its {@code dedupe-ttl}; and the
 *     customers' master data from the customers topic. Then the marker is set;</li>
 * <li>a fresh Redis (no committed offsets), or one of a version before the marker that holds seen
 *     markers, just gets the marker.</li>
 * </ul>
 * Not recoverable from Kafka, and lost with Redis: snoozes, pending deliveries and the alert log.
 * Readiness is DOWN ({@code notificationStore}) and {@code tierwatch_notify_store_recovering} is 1
 * while it lasts.
 */
@Component("notificationStoreHealthIndicator")
public class StoreRecovery implements HealthIndicator, DisposableBean {

    static final String SEEN = "tw:notify:seen:";
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final JedisPooled redis;
    private final CustomerDirectory customers;
    private final Map<String, Object> consumerConfig;
    private final String tierChanges;
    private final String customersTopic;
    private final String group;
    private final Duration dedupeTtl;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notify-store-recovery");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean recovering;
    private volatile String lastRecovery = "none";

    StoreRecovery(JedisPooled redis, CustomerDirectory customers, KafkaProperties kafka,
            NotificationProperties properties, MeterRegistry meters, Clock clock) {
        this.redis = redis;
        this.customers = customers;
        this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.tierChanges = properties.topics().tierChanges();
        this.customersTopic = properties.topics().customers();
        this.group = properties.topics().tierChangesGroup();
        this.dedupeTtl = properties.rules().dedupeTtl();
        this.clock = clock;
        Gauge.builder("tierwatch.notify.store.recovering", this, r -> r.recovering ? 1 : 0)
                .description("1 while notification-service recovers its seen markers from Kafka after a Redis loss "
                        + "(alerts wait)").register(meters);
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, 2, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.debug("store check not done ({}); tried again shortly", e.toString());
        }
    }

    synchronized void check() {
        if (redis.exists(StoreLostException.MARKER)) {
            return;
        }
        if (holdsSeenMarkers()) {
            redis.setnx(StoreLostException.MARKER, "adopted");
            return;
        }
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer(null);
                KafkaConsumer<String, byte[]> ofGroup = consumer(group)) {
            List<TopicPartition> changes = KafkaHistory.partitionsOf(consumer, List.of(tierChanges));
            Map<TopicPartition, Long> handled = new HashMap<>();
            ofGroup.committed(new HashSet<>(changes), Duration.ofSeconds(10)).forEach((p, o) -> {
                if (o != null && o.offset() > 0) {
                    handled.put(p, o.offset());
                }
            });
            if (handled.isEmpty()) {
                redis.setnx(StoreLostException.MARKER, "fresh");
                return;
            }
            recovering = true;
            LOG.warn("notification-service's Redis holds no seen markers, but it had handled tier changes: recovering "
                    + "them and the customers from Kafka; alerts wait until done (snoozes and pending deliveries are lost)");
            long seen = KafkaHistory.read(consumer, handled, this::restoreSeen);
            List<TopicPartition> master = KafkaHistory.partitionsOf(consumer, List.of(customersTopic));
            long known = KafkaHistory.read(consumer, consumer.endOffsets(master, Duration.ofSeconds(10)),
                    this::restoreCustomers);
            redis.set(StoreLostException.MARKER, "recovered");
            recovering = false;
            lastRecovery = seen + " tier changes and " + known + " customer records in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
            LOG.info("notification-service's records recovered from Kafka: {}", lastRecovery);
        } finally {
            recovering = false;
        }
    }

    private void restoreSeen(List<KafkaHistory.Read> reads) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (KafkaHistory.Read read : reads) {
                long left = dedupeTtl.toMillis() - (clock.millis() - read.record().timestamp());
                if (read.event().type() == EventType.CUSTOMER_TIER_CHANGED && left > 0) {
                    pipeline.set(SEEN + read.event().id(), "1", SetParams.setParams().nx().px(left));
                }
            }
            pipeline.sync();
        }
    }

    private void restoreCustomers(List<KafkaHistory.Read> reads) {
        for (KafkaHistory.Read read : reads) {
            if (read.event().type() == EventType.CUSTOMER_UPSERTED) {
                customers.apply(read.event().dataAs(CustomerUpserted.class)); // its own script: the newest updatedAt wins
            }
        }
    }

    private boolean holdsSeenMarkers() {
        ScanParams match = new ScanParams().match(SEEN + "*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                return true;
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return false;
    }

    private KafkaConsumer<String, byte[]> consumer(String groupId) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId); // only to read its committed offsets: it never joins
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code notificationStore}, in the readiness group: DOWN while the records are being recovered. */
    @Override
    public Health health() {
        return (recovering ? Health.down().withDetail("recovering", "seen markers and customers, from Kafka")
                : Health.up()).withDetail("lastRecovery", lastRecovery).build();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
