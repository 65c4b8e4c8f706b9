package io.tierwatch.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ServiceTicketClosed;

/**
 * What one business event changes in a customer's profit, in minor units. Computed in Java from
 * the contracts' own arithmetic, so Redis only adds integers.
 */
public record Delta(String kind, String reference, Instant occurredAt, long revenue, long costOfGoods,
        long costToServe, int orders, int tickets) {

    public static Delta of(OrderPlaced order) {
        return new Delta("order", order.orderId(), order.occurredAt(), order.revenue().minorUnits(),
                order.costOfGoods().minorUnits(), 0, 1, 0);
    }

    public static Delta of(OrderLinesReturned returned) {
        return new Delta("return", returned.returnId(), returned.occurredAt(), returned.revenueChange().minorUnits(),
                returned.costOfGoodsChange().minorUnits(), 0, 0, 0);
    }

    public static Delta of(ServiceTicketClosed ticket) {
        return new Delta("ticket", ticket.ticketId(), ticket.occurredAt(), 0, 0,
                ticket.netCostToServe().minorUnits(), 0, 1);
    }

    /** What this event adds to (or takes from) the customer's profit. */
    public long profitImpact() {
        return Math.subtractExact(Math.subtractExact(revenue, costOfGoods), costToServe);
    }

    /** The event-time day (UTC) whose bucket the event falls in. */
    public long day() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC).toEpochDay();
    }

    /** The event-time month, {@code yyyy-MM}, for ARPU. */
    public String month() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC).toString().substring(0, 7);
    }
}
