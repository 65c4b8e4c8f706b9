package io.tierwatch.order.customers;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tierwatch.contracts.Ids;
import java.time.Clock;
import java.util.List;

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
import io.tierwatch.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * Customer master data. A PUT replaces the customer's record; it is naturally idempotent, so
 * each PUT is published (the compacted topic keeps the latest) with id
 * {@code customer-upserted:<customerId>:<updatedAt epoch ms>}. Only {@code customers:write}
 * systems and admins may PUT (the security rules), and a change of owner is audited
 * ({@link OwnerChanges}). A GET shows a person only the customers of the books they see; any
 * other id is a 404, as if it did not exist, so that ids cannot be probed.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final EventPublisher publisher;
    private final CustomerStore store;
    private final RequestMetrics metrics;
    private final String topic;
    private final Clock clock;
    private final OwnerChanges ownerChanges;
    private final MasterData masterData;

    CustomerController(EventPublisher publisher, CustomerStore store, RequestMetrics metrics,
            OrderServiceProperties properties, Clock clock, OwnerChanges ownerChanges, MasterData masterData) {
        this.ownerChanges = ownerChanges;
        this.masterData = masterData;
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
        this.topic = properties.topics().customers();
        this.clock = clock;
    }

    @ApiResponse(responseCode = "202", description = "published to the compacted customers topic")
    @ApiResponse(responseCode = "400", description = "invalid fields, each named by path",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka or Redis does not answer: retry",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping("/{customerId}")
    ResponseEntity<Accepted> upsert(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
            @Valid @RequestBody CustomerRequest request, Caller caller) {
        CustomerUpserted customer = new CustomerUpserted(customerId, request.name(), request.ownerRepId(),
                request.customerSince(), Boolean.TRUE.equals(request.strategic()), clock.instant());
        String eventId = "customer-upserted:" + customerId + ":" + customer.updatedAt().toEpochMilli();
        publisher.publish(new Outgoing(topic,
                EventEnvelope.of(eventId, EventPublisher.SOURCE, customer.updatedAt(), customerId, customer)));
        masterData.published(customer, caller.name());
        metrics.accepted("customer", "published");
        return Accepted.of(eventId, false);
    }

    @ApiResponse(responseCode = "200", description = "the customer's current master data")
    @ApiResponse(responseCode = "404", description = "no such customer, or one outside the caller's books (the same answer)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{customerId}")
    CustomerUpserted get(@PathVariable String customerId, Caller caller) {
        return store.get(customerId)
                .filter(c -> caller.books(CUSTOMERS_READ_SCOPE).includes(c.ownerRepId()))
                .orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    /** Who moved this customer between books, newest first (admins, ops, customers:write systems). */
    @ApiResponse(responseCode = "200", description = "the owner changes, newest first")
    @ApiResponse(responseCode = "404", description = "no such customer",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{customerId}/owner-changes")
    List<OwnerChanges.OwnerChange> ownerChanges(@PathVariable String customerId) {
        if (store.get(customerId).isEmpty()) {
            throw new NotFoundException("no customer " + customerId);
        }
        return ownerChanges.of(customerId);
    }

    /** The scope that writes master data also reads all of it. */
    static final String CUSTOMERS_READ_SCOPE = "customers:write";
}
