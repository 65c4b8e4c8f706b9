package io.tierwatch.order.tickets;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.ServiceTicketClosed;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Ingestion;
import io.tierwatch.order.ingest.Receipt;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.web.Accepted;
import io.tierwatch.order.web.EventTimes;
import io.tierwatch.order.web.PublishResponses;
import io.tierwatch.order.web.InvalidRequestException;
import io.tierwatch.order.web.RequestMetrics;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/service-tickets")
class TicketController {

    private final OrderServiceProperties properties;
    private final Ingestion ingestion;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final EventTimes eventTimes;

    TicketController(OrderServiceProperties properties, Ingestion ingestion, RequestMetrics metrics, Clock clock,
            EventTimes eventTimes) {
        this.eventTimes = eventTimes;
        this.properties = properties;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes {@code ServiceTicketClosed}; the event id is {@code ticket-closed:<ticketId>}. */
    @PublishResponses
    @PostMapping
    ResponseEntity<Accepted> close(@Valid @RequestBody TicketRequest request) {
        eventTimes.requireNotAhead(request.occurredAt(), "occurredAt");
        ServiceTicketClosed ticket = new ServiceTicketClosed(request.ticketId(), request.customerId(),
                request.occurredAt(), request.currency(), request.labourMinutes(), money(request.labourRatePerHour()),
                money(request.partsCost()), money(request.partsBilled()), money(request.travelCost()),
                Boolean.TRUE.equals(request.expedited()), money(request.expediteCost()), money(request.amountBilled()));
        try {
            ticket.netCostToServe();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("labourRatePerHour", "the ticket's amounts overflow");
        }
        EventEnvelope<ServiceTicketClosed> event = EventEnvelope.of("ticket-closed:" + ticket.ticketId(),
                EventPublisher.SOURCE, clock.instant(), ticket.customerId(), ticket);
        Receipt receipt = ingestion.submit(
                new Submission(properties.topics().serviceTickets(), event, Fingerprint.of(ticket)));
        metrics.accepted("ticket", receipt.duplicate() ? "duplicate" : "published");
        return Accepted.of(receipt.eventId(), receipt.duplicate());
    }

    private static Money money(String decimal) {
        return decimal == null ? null : Money.parse(decimal);
    }
}
