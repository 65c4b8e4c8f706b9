package io.tierwatch.bench.load;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;

/**
 * Puts CloudEvents straight onto the input topics (the bench measures scoring, not REST), with
 * the same producer guarantees as the services: idempotent, acks=all.
 */
public final class KafkaLoad implements AutoCloseable {

    /** Told the moment an event is handed to the producer, for latency matching. */
    public interface SendListener {
        void sent(String eventId, long nanoTime);
    }

    /**
     * linger.ms of the latency phases: order-service's own (order-service.yml), so events reach the
     * broker as they would from it. linger 0 made one produce request per event and cost the broker
     * about a core at 5k events/s on this machine (docs/benchmarks.md).
     */
    public static final int ORDER_SERVICE_LINGER_MS = 2;
    /** The paced sender wakes at most this often and sends every event already due. */
    private static final long PACE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final KafkaProducer<String, byte[]> producer;

    public KafkaLoad(String bootstrap, boolean lowLatency) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lowLatency ? ORDER_SERVICE_LINGER_MS : 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(EventEnvelope<?> event) {
        producer.send(CloudEventsKafka.toRecord(event.type().defaultTopic(), event));
    }

    /**
     * Sends {@code count} events from {@code events}; at {@code perSecond} > 0 paced to that
     * offered rate (each event at its scheduled instant, so a stall does not lower the rate
     * afterwards; the sender sleeps in slices of at least 1 ms and then sends what is due, so 5k/s
     * is 5 events a millisecond, not 5,000 wake-ups a second), else as fast as the producer takes them. Returns the seconds it took.
     */
    public double send(Supplier<EventEnvelope<?>> events, long count, double perSecond, SendListener listener) {
        long start = System.nanoTime();
        double interval = perSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
        for (long i = 0; i < count; i++) {
            if (interval > 0) {
                long due = start + (long) (i * interval);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.max(wait, PACE_SLICE_NANOS));
                }
            }
            EventEnvelope<?> event = events.get();
            if (listener != null) {
                listener.sent(event.id(), System.nanoTime());
            }
            send(event);
        }
        producer.flush();
        return (System.nanoTime() - start) / 1e9;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
