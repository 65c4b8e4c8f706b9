package io.tierwatch.order.orders;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "202", description = "published: Kafka acknowledged it; the answer names the event id")
    @ApiResponse(responseCode = "200", description = "a duplicate of an accepted submission: nothing published again")
    @ApiResponse(responseCode = "400", description = "invalid fields, each named by path",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "the id was submitted before with other content, or is being published right now",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "a body or a line count over the limits",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "a Content-Type that is not application/json",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka or Redis does not answer, or the store is being recovered: retry",
            content = @Content(mediaType = "application/problem+json"))
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
