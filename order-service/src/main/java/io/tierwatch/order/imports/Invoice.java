package io.tierwatch.order.imports;

import java.util.ArrayList;
import java.util.List;

import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ReturnedLine;

/**
 * The rows of one order number, which become one event: an {@code OrderPlaced}, or for returned
 * lines an {@code OrderLinesReturned} not linked to an order, since a sales export does not say
 * which order a return reverses. The event's time is its first row's.
 */
final class Invoice {

    private final List<SalesRow> rows = new ArrayList<>();
    private long lastTouched;

    Invoice(SalesRow first, long sequence) {
        add(first, sequence);
    }

    /** @param sequence the row's position in the whole import, for the grouping window */
    void add(SalesRow row, long sequence) {
        rows.add(row);
        lastTouched = sequence;
    }

    long lastTouched() {
        return lastTouched;
    }

    SalesRow first() {
        return rows.get(0);
    }

    int rowCount() {
        return rows.size();
    }

    boolean returned() {
        return first().returned();
    }

    /** The event id: {@code order-placed:<order>} or {@code lines-returned:<order>}. */
    String eventId() {
        return first().eventId();
    }

    /** @throws ArithmeticException when an amount overflows */
    Object toEvent(String currency) {
        SalesRow first = first();
        if (first.returned()) {
            List<ReturnedLine> lines = rows.stream().map(r -> new ReturnedLine(r.sku(), r.quantity(),
                    r.unitPrice().times(r.quantity()), r.unitCost().times(r.quantity()))).toList();
            return new OrderLinesReturned(first.orderNo(), null, first.customerId(), first.time(), currency, lines, null);
        }
        List<OrderLine> lines = rows.stream().map(r -> new OrderLine(r.sku(), r.quantity(), r.unitPrice(),
                r.unitCost(), null)).toList();
        OrderPlaced order = new OrderPlaced(first.orderNo(), first.customerId(), first.time(), currency, lines, null);
        order.revenue();
        order.costOfGoods();
        return order;
    }
}
