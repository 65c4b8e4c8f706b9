package io.tierwatch.order.publish;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.order.OrderServiceProperties;

/**
 * Sends CloudEvents and waits for the broker's acknowledgement (acks=all, idempotent producer),
 * because a 202 must mean the event is durably on Kafka. Several events are sent before any is
 * awaited, so a batch costs about one round trip.
 */
@Component
public class EventPublisher {

    public static final URI SOURCE = URI.create("/tierwatch/order-service");

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration ackTimeout;
    private final MeterRegistry meters;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, OrderServiceProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.ackTimeout = properties.publish().ackTimeout();
        this.meters = meters;
    }

    /** Publishes one event; throws {@link BrokerUnavailableException} unless Kafka acknowledged it. */
    public void publish(Outgoing outgoing) {
        Throwable failure = publishAll(List.of(outgoing)).get(0);
        if (failure != null) {
            throw new BrokerUnavailableException("Kafka did not acknowledge " + outgoing.event().id(), failure);
        }
    }

    /** Publishes events in order; element i of the result is null when event i was acknowledged, else why not. */
    public List<Throwable> publishAll(List<Outgoing> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (Outgoing outgoing : batch) {
            acks.add(send(outgoing));
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<Throwable> failures = new ArrayList<>(batch.size());
        for (CompletableFuture<?> ack : acks) {
            failures.add(await(ack, deadline));
        }
        record(batch, failures, System.nanoTime() - start);
        return failures;
    }

    private CompletableFuture<?> send(Outgoing outgoing) {
        try {
            return kafka.send(CloudEventsKafka.toRecord(outgoing.topic(), outgoing.event()));
        } catch (RuntimeException e) {
            // max.block.ms ran out waiting for metadata: the broker is unreachable
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable await(CompletableFuture<?> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void record(List<Outgoing> batch, List<Throwable> failures, long nanos) {
        boolean allAcked = failures.stream().allMatch(f -> f == null);
        Timer.builder("tierwatch.publish.latency")
                .description("Time from sending a batch of events to Kafka until every acknowledgement came back")
                .tag("type", batch.size() == 1 ? batch.get(0).event().type().name().toLowerCase() : "batch")
                .tag("outcome", allAcked ? "acked" : "failed")
                .register(meters).record(Duration.ofNanos(nanos));
    }
}
