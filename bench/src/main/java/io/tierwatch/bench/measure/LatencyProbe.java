package io.tierwatch.bench.measure;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.tierwatch.harness.WebhookReceiver;
import io.tierwatch.bench.load.KafkaLoad;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Topics;

/**
 * Latency from the moment an input event is handed to the producer to (1) the tier-change event
 * it triggered, read back from Kafka and matched on {@code triggeringEventId}, and (2) the webhook
 * delivery of that tier change, matched on the {@code X-Tierwatch-Event-Id} header (the tier
 * event id). Times are this JVM's monotonic clock; histograms in microseconds.
 */
public final class LatencyProbe implements KafkaLoad.SendListener, AutoCloseable {

    private static final long MAX_MICROS = Duration.ofMinutes(30).toNanos() / 1000;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> tierEventSentAt = new ConcurrentHashMap<>();
    private final WebhookReceiver webhooks;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;
    private final Histogram tierChange = new Histogram(MAX_MICROS, 3);
    /** Event handed to the producer → scoring-service sends its tier change (the record's CreateTime), wall clock, ms resolution. */
    private final Histogram tierChangeSent = new Histogram(MAX_MICROS, 3);
    private final Map<String, Long> sentWallMillis = new ConcurrentHashMap<>();
    private volatile long lastTierChangeAt = System.nanoTime();
    /** Event → tier-change latency by window of the phase the event was sent in (its index: seconds since {@link #reset()} ÷ {@link #WINDOW_SECONDS}). */
    private final Map<Integer, Histogram> timeline = new ConcurrentHashMap<>();
    private volatile long phaseStart = System.nanoTime();
    public static final int WINDOW_SECONDS = 5;
    private volatile boolean assigned;

    public LatencyProbe(String bootstrap, WebhookReceiver webhooks) {
        this.webhooks = webhooks;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(java.util.List.of(Topics.CUSTOMER_TIER_CHANGES));
        reader = new Thread(this::read, "bench-tier-changes");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void sent(String eventId, long nanoTime) {
        sentAt.put(eventId, nanoTime);
        sentWallMillis.put(eventId, System.currentTimeMillis());
    }

    private void read() {
        while (running.get()) {
            var records = consumer.poll(Duration.ofMillis(100));
            assigned = assigned || !consumer.assignment().isEmpty();
            for (ConsumerRecord<String, byte[]> record : records) {
                long now = System.nanoTime();
                CustomerTierChanged change = CloudEventsKafka.fromRecord(record).dataAs(CustomerTierChanged.class);
                Long sent = sentAt.remove(change.triggeringEventId());
                Long sentWall = sentWallMillis.remove(change.triggeringEventId());
                if (sentWall != null) {
                    synchronized (tierChangeSent) {
                        tierChangeSent.recordValue(Math.max(0, Math.min(MAX_MICROS, (record.timestamp() - sentWall) * 1000)));
                    }
                }
                if (sent != null) {
                    tierEventSentAt.put(change.eventId(), sent);
                    long micros = Math.min(MAX_MICROS, (now - sent) / 1000);
                    synchronized (tierChange) {
                        tierChange.recordValue(micros);
                    }
                    int window = (int) Math.max(0, (sent - phaseStart) / 1_000_000_000L / WINDOW_SECONDS);
                    Histogram h = timeline.computeIfAbsent(window, w -> new Histogram(MAX_MICROS, 3));
                    synchronized (h) {
                        h.recordValue(micros);
                    }
                }
                lastTierChangeAt = now;
            }
        }
        consumer.close();
    }

    /** Waits until the consumer has joined its group and sits at the end of the topic. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!assigned && System.nanoTime() < deadline) {
            Pause.millis(100);
        }
        Pause.millis(1_000); // the first fetch positions the consumer at the end of the topic
    }

    /** Forgets the previous phase. */
    public void reset() {
        synchronized (tierChange) {
            tierChange.reset();
        }
        synchronized (tierChangeSent) {
            tierChangeSent.reset();
        }
        timeline.clear();
        phaseStart = System.nanoTime();
        sentAt.clear();
        sentWallMillis.clear();
        tierEventSentAt.clear();
        webhooks.reset();
    }

    /** Waits until neither tier changes nor webhooks have arrived for {@code quiet}, at most {@code max}. */
    public void awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            long last = Math.max(lastTierChangeAt, webhooks.lastArrival());
            if (System.nanoTime() - last > quiet.toNanos()) {
                return;
            }
            Pause.millis(200);
        }
    }

    public Histogram tierChange() {
        synchronized (tierChange) {
            return tierChange.copy();
        }
    }

    /** Event handed to the producer → scoring-service sent its tier change (CreateTime), so without the probe's own read. */
    public Histogram tierChangeSent() {
        synchronized (tierChangeSent) {
            return tierChangeSent.copy();
        }
    }

    /**
     * Event → tier-change latency of the events sent in each {@link #WINDOW_SECONDS}-second window
     * of the phase, in order (the windows with no tier change left out): where in the phase the
     * tier changes, and the slow ones, fall.
     */
    public SortedMap<Integer, Histogram> timeline() {
        SortedMap<Integer, Histogram> copy = new TreeMap<>();
        timeline.forEach((window, h) -> {
            synchronized (h) {
                copy.put(window, h.copy());
            }
        });
        return copy;
    }

    public Histogram webhook() {
        Histogram histogram = new Histogram(MAX_MICROS, 3);
        webhooks.arrivals().forEach((tierEventId, arrived) -> {
            Long sent = tierEventSentAt.get(tierEventId);
            if (sent != null) {
                histogram.recordValue(Math.min(MAX_MICROS, (arrived - sent) / 1000));
            }
        });
        return histogram;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(5_000);
    }
}
