package io.tierwatch.order.customers;

import io.tierwatch.contracts.Ids;
import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.publish.Outgoing;
import io.tierwatch.order.web.Accepted;
import io.tierwatch.order.web.NotFoundException;
import io.tierwatch.order.web.RequestMetrics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * Customer master data. A PUT replaces the customer's record; it is naturally idempotent, so
 * each PUT is published (the compacted topic keeps the latest) with id
 * {@code customer-upserted:<customerId>:<updatedAt epoch ms>}.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final EventPublisher publisher;
    private final CustomerStore store;
    private final RequestMetrics metrics;
    private final String topic;
    private final Clock clock;

    CustomerController(EventPublisher publisher, CustomerStore store, RequestMetrics metrics,
            OrderServiceProperties properties, Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
        this.topic = properties.topics().customers();
        this.clock = clock;
    }

    @PutMapping("/{customerId}")
    ResponseEntity<Accepted> upsert(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
            @Valid @RequestBody CustomerRequest request) {
        CustomerUpserted customer = new CustomerUpserted(customerId, request.name(), request.ownerRepId(),
                request.customerSince(), Boolean.TRUE.equals(request.strategic()), clock.instant());
        String eventId = "customer-upserted:" + customerId + ":" + customer.updatedAt().toEpochMilli();
        publisher.publish(new Outgoing(topic,
                EventEnvelope.of(eventId, EventPublisher.SOURCE, customer.updatedAt(), customerId, customer)));
        store.put(customer);
        metrics.accepted("customer", "published");
        return Accepted.of(eventId, false);
    }

    @GetMapping("/{customerId}")
    CustomerUpserted get(@PathVariable String customerId) {
        return store.get(customerId).orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }
}
