package io.tierwatch.order.orders;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Ingestion;
import io.tierwatch.order.ingest.Receipt;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.web.Accepted;
import io.tierwatch.order.web.EventTimes;
import io.tierwatch.order.web.PublishResponses;
import io.tierwatch.order.web.RequestMetrics;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderMapper mapper;
    private final Ingestion ingestion;
    private final OrderBook book;
    private final RequestMetrics metrics;
    private final String topic;
    private final Clock clock;
    private final EventTimes eventTimes;

    OrderController(OrderServiceProperties properties, Ingestion ingestion, OrderBook book, RequestMetrics metrics,
            Clock clock, EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.mapper = new OrderMapper(properties.limits().maxLines());
        this.ingestion = ingestion;
        this.book = book;
        this.metrics = metrics;
        this.topic = properties.topics().orders();
        this.clock = clock;
    }

    /**
     * Publishes {@code OrderPlaced} and waits for Kafka's ack; the event id is
     * {@code order-placed:<orderId>}. The same order again is a 200 duplicate, other content a 409.
     */
    @PublishResponses
    @PostMapping
    ResponseEntity<Accepted> place(@Valid @RequestBody OrderRequest request) {
        eventTimes.requireNotAhead(request.occurredAt(), "occurredAt");
        OrderPlaced order = mapper.toEvent(request);
        EventEnvelope<OrderPlaced> event = EventEnvelope.of("order-placed:" + order.orderId(), EventPublisher.SOURCE,
                clock.instant(), order.customerId(), order);
        Receipt receipt = ingestion.submit(new Submission(topic, event, Fingerprint.of(order)), () -> book.record(order));
        metrics.accepted("order", receipt.duplicate() ? "duplicate" : "published");
        return Accepted.of(receipt.eventId(), receipt.duplicate());
    }
}
