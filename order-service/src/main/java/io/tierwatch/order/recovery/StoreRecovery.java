package io.tierwatch.order.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.KafkaHistory;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.customers.CustomerStore;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.SubmissionLedger;
import io.tierwatch.order.orders.OrderBook;
import io.tierwatch.order.redis.Keys;
import io.tierwatch.order.returns.ReturnService;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/**
 * Order-service keeps in Redis what tells a resubmission from a new submission (the idempotency
 * claims), what each order contained (for returns) and the customers' master data. All of it is
 * in Kafka's history too, so when Redis loses it, it is recovered from there:
 * <ul>
 * <li>a marker ({@link Keys#storeMarker}) says this Redis holds the records; every claim checks it
 *     atomically and, without it, refuses ({@code 503 store-recovering}), so nothing can be accepted
 *     twice in the meantime;</li>
 * <li>every few seconds the marker is looked for: gone, and Redis holds no idempotency record
 *     while Kafka's topics hold events, the records are <b>recovered</b> by reading the
 *     orders, service-tickets and customers topics from their beginning: each event's claim (done,
 *     with the fingerprint it was accepted with), each order's lines, each return's reservation,
 *     each customer's latest master data; then the marker is set again;</li>
 * <li>a fresh Redis under empty topics, or a Redis of a version before the marker that holds
 *     idempotency records, just gets the marker.</li>
 * </ul>
 * Readiness is DOWN ({@code orderStore}) and {@code tierwatch_order_store_recovering} is 1 while it
 * lasts; one log line says it began and one what it recovered.
 */
@Component("orderStoreHealthIndicator")
public class StoreRecovery implements HealthIndicator, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private final JedisPooled redis;
    private final SubmissionLedger ledger;
    private final OrderBook book;
    private final ReturnService returns;
    private final CustomerStore customers;
    private final Map<String, Object> consumerConfig;
    private final List<String> topics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "order-store-recovery");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean recovering;
    private volatile String lastRecovery = "none";

    StoreRecovery(JedisPooled redis, SubmissionLedger ledger, OrderBook book, ReturnService returns,
            CustomerStore customers, KafkaProperties kafka, OrderServiceProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.ledger = ledger;
        this.book = book;
        this.returns = returns;
        this.customers = customers;
        this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.topics = List.of(properties.topics().orders(), properties.topics().serviceTickets(),
                properties.topics().customers());
        Gauge.builder("tierwatch.order.store.recovering", this, r -> r.recovering ? 1 : 0)
                .description("1 while order-service recovers its idempotency records from Kafka after a Redis loss "
                        + "(submissions get 503)").register(meters);
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, 2, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.debug("store check not done ({}); tried again shortly", e.toString());
        }
    }

    /** Sets the marker, recovering the records first if Redis lost them. */
    synchronized void check() {
        if (redis.exists(Keys.storeMarker())) {
            return;
        }
        if (holdsRecords()) {
            redis.setnx(Keys.storeMarker(), "adopted");
            return;
        }
        long started = System.nanoTime();
        recovering = true;
        try {
            Map<TopicPartition, Long> ends;
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = KafkaHistory.partitionsOf(consumer, topics);
                ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                if (ends.values().stream().allMatch(end -> end == 0)) {
                    redis.setnx(Keys.storeMarker(), "fresh");
                    return;
                }
                LOG.warn("order-service's Redis holds none of its records, but Kafka holds events: recovering the "
                        + "idempotency claims, order lines and customers from Kafka; submissions get 503 until done");
                long events = KafkaHistory.read(consumer, ends, this::restoreBatch);
                redis.set(Keys.storeMarker(), "recovered");
                recovering = false; // before the consumer's close, which may take a while
                lastRecovery = events + " events in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
                LOG.info("order-service's records recovered from Kafka: {}", lastRecovery);
            }
        } finally {
            recovering = false;
        }
    }

    /** Restores a poll's records in one pipeline, then the bookkeeping that must follow it in the topic's order. */
    private void restoreBatch(List<KafkaHistory.Read> reads) {
        List<Runnable> afterClaims = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            reads.forEach(read -> restore(pipeline, read.record().timestamp(), read.event(), afterClaims));
            pipeline.sync();
        }
        afterClaims.forEach(Runnable::run); // in the topic's order: an order's lines before its returns
    }

    private void restore(AbstractPipeline pipeline, long at, EventEnvelope<?> event, List<Runnable> after) {
        switch (event.type()) {
            case ORDER_PLACED -> {
                OrderPlaced order = event.dataAs(OrderPlaced.class);
                ledger.restore(pipeline, event.id(), Fingerprint.of(order), at);
                after.add(() -> book.record(order));
            }
            case SERVICE_TICKET_CLOSED -> ledger.restore(pipeline, event.id(),
                    Fingerprint.of(event.dataAs(ServiceTicketClosed.class)), at);
            case ORDER_LINES_RETURNED -> {
                OrderLinesReturned returned = event.dataAs(OrderLinesReturned.class);
                // a REST return was claimed with its request's content; an imported one (no order named) with its data
                ledger.restore(pipeline, event.id(), returned.orderId() != null ? ReturnService.fingerprintOf(returned)
                        : Fingerprint.of(returned), at);
                if (returned.orderId() != null) {
                    after.add(() -> returns.restore(returned));
                }
            }
            case CUSTOMER_UPSERTED -> {
                CustomerUpserted customer = event.dataAs(CustomerUpserted.class);
                after.add(() -> customers.put(customer));
            }
            case CUSTOMER_TIER_CHANGED -> {
                // not an input of order-service: nothing kept of it
            }
        }
    }

    /**
     * Whether Redis holds idempotency records (of a version before the marker). Only a claim writes
     * one, and a claim needs the marker, so after a loss none can appear before the recovery; other
     * keys (a customer PUT stores its master data) can, and do not count.
     */
    private boolean holdsRecords() {
        ScanParams match = new ScanParams().match(Keys.allSubmissions()).count(1_000);
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

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code orderStore}, in the readiness group: DOWN while the records are being recovered. */
    @Override
    public Health health() {
        return (recovering ? Health.down().withDetail("recovering", "idempotency records, from Kafka")
                : Health.up()).withDetail("lastRecovery", lastRecovery).build();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
