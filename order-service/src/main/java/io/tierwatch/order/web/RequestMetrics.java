package io.tierwatch.order.web;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts requests accepted and rejected, by request type and a small fixed set of outcomes or
 * reasons; never by customer or order id, which would make the series unbounded.
 */
@Component
public class RequestMetrics {

    private final MeterRegistry meters;

    RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code outcome}: {@code published}, or {@code duplicate} for an idempotent resubmission. */
    public void accepted(String type, String outcome) {
        Counter.builder("tierwatch.requests.accepted")
                .description("Requests accepted, by type and whether they were published or recognised as duplicates")
                .tag("type", type).tag("outcome", outcome).register(meters).increment();
    }

    public void rejected(String type, String reason) {
        Counter.builder("tierwatch.requests.rejected")
                .description("Requests rejected, by type and reason")
                .tag("type", type).tag("reason", reason).register(meters).increment();
    }

    /** The request type of a path, from the fixed set of endpoints. */
    static String typeOf(String path) {
        if (path.endsWith("/returns")) {
            return "return";
        }
        if (path.startsWith("/api/v1/orders")) {
            return "order";
        }
        if (path.startsWith("/api/v1/service-tickets")) {
            return "ticket";
        }
        if (path.startsWith("/api/v1/customers")) {
            return "customer";
        }
        if (path.startsWith("/api/v1/imports")) {
            return "import";
        }
        return "other";
    }
}
