package io.tierwatch.order.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.ReturnedLine;
import io.tierwatch.order.OrderServiceProperties;
import io.tierwatch.order.ingest.Claim;
import io.tierwatch.order.ingest.Fingerprint;
import io.tierwatch.order.ingest.Ingestion;
import io.tierwatch.order.ingest.Preparation;
import io.tierwatch.order.ingest.Receipt;
import io.tierwatch.order.ingest.Submission;
import io.tierwatch.order.orders.OrderBook;
import io.tierwatch.order.publish.EventPublisher;
import io.tierwatch.order.web.NotFoundException;
import io.tierwatch.order.web.Problems;
import io.tierwatch.order.web.RequestTooLargeException;
import io.tierwatch.order.web.UnprocessableException;

/** Checks a return against its order, reserves the quantities, prices it and publishes it once. */
@Service
public class ReturnService {

    private final OrderBook book;
    private final ReturnReservations reservations;
    private final Ingestion ingestion;
    private final OrderServiceProperties properties;
    private final Clock clock;

    ReturnService(OrderBook book, ReturnReservations reservations, Ingestion ingestion,
            OrderServiceProperties properties, Clock clock) {
        this.book = book;
        this.reservations = reservations;
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
    }

    Receipt submit(String orderId, ReturnRequest request) {
        validate(request);
        String customerId = book.customerOf(orderId).orElseThrow(() -> new NotFoundException("no order " + orderId));
        Money fee = request.restockingFee() == null ? Money.ZERO : Money.parse(request.restockingFee());
        String eventId = "lines-returned:" + request.returnId();
        String fingerprint = Fingerprint.of(new Content(orderId, request.returnId(), request.occurredAt(),
                request.currency(), request.lines(), fee));
        return ingestion.submit(eventId, fingerprint, new Preparation() {
            @Override
            public Submission prepare(Claim claim) {
                List<Long> before = reservations.reserve(orderId, eventId, request.lines());
                OrderLinesReturned returned = price(orderId, customerId, request, before, fee);
                return new Submission(properties.topics().orders(), EventEnvelope.of(eventId, EventPublisher.SOURCE,
                        clock.instant(), customerId, returned), fingerprint);
            }

            @Override
            public void undo(Claim claim) {
                reservations.cancel(orderId, eventId, fingerprint, claim, request.lines());
            }
        });
    }

    /** The fingerprint a REST return of this content was claimed with. */
    public static String fingerprintOf(OrderLinesReturned returned) {
        return Fingerprint.of(new Content(returned.orderId(), returned.returnId(), returned.occurredAt(),
                returned.currency(), returned.lines().stream().map(l -> new ReturnRequest.Line(l.sku(), l.quantity())).toList(),
                returned.restockingFee()));
    }

    /**
     * Counts a return Kafka already holds against its order again, from a recovery: the quantities
     * reserved, as when it was accepted (its order's lines must be restored first, as they are in a
     * topic's order). A return whose order is not known is left alone.
     */
    public void restore(OrderLinesReturned returned) {
        try {
            reservations.reserve(returned.orderId(), "lines-returned:" + returned.returnId(),
                    returned.lines().stream().map(l -> new ReturnRequest.Line(l.sku(), l.quantity())).toList());
        } catch (UnprocessableException e) {
            // the order is not in the topics' history (or was returned beyond it): nothing to count
        }
    }

    private OrderLinesReturned price(String orderId, String customerId, ReturnRequest request, List<Long> before,
            Money fee) {
        List<OrderLine> ordered = book.lines(orderId, request.lines().stream().map(ReturnRequest.Line::sku).toList());
        List<ReturnedLine> lines = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            lines.add(ReturnPricing.price(ordered.get(i), before.get(i), request.lines().get(i).quantity()));
        }
        return new OrderLinesReturned(request.returnId(), orderId, customerId, request.occurredAt(),
                request.currency(), lines, fee);
    }

    private void validate(ReturnRequest request) {
        int maxLines = properties.limits().maxLines();
        if (request.lines().size() > maxLines) {
            throw new RequestTooLargeException("lines: " + request.lines().size() + " lines, at most " + maxLines);
        }
        Problems problems = new Problems();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            problems.check(skus.add(request.lines().get(i).sku()), "lines[" + i + "].sku",
                    "appears twice in the return; merge the lines");
        }
        problems.throwIfAny();
    }

    /** What identifies a return's content: amounts normalised, so "5" and "5.00" are the same fee. */
    private record Content(String orderId, String returnId, Instant occurredAt, String currency,
            List<ReturnRequest.Line> lines, Money restockingFee) {
    }
}
