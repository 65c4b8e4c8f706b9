package io.tierwatch.order.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.OrderLine;
import io.tierwatch.contracts.OrderLinesReturned;
import io.tierwatch.contracts.OrderPlaced;
import io.tierwatch.contracts.ReturnedLine;

/**
 * The rows of one invoice, which become one event: an {@code OrderPlaced}, or for a
 * cancellation ({@code C}) invoice an {@code OrderLinesReturned} not linked to an order, since
 * the data does not say which invoice it reverses. The invoice's time is its first row's.
 */
final class Invoice {

    private final List<RetailRow> rows = new ArrayList<>();
    private long lastTouched;

    Invoice(RetailRow first, long sequence) {
        add(first, sequence);
    }

    /** @param sequence the row's position in the whole import, for the grouping window */
    void add(RetailRow row, long sequence) {
        rows.add(row);
        lastTouched = sequence;
    }

    long lastTouched() {
        return lastTouched;
    }

    RetailRow first() {
        return rows.get(0);
    }

    int rowCount() {
        return rows.size();
    }

    /** The event id: {@code order-placed:<invoice>} or {@code lines-returned:<C invoice>}. */
    String eventId() {
        return (first().cancellation() ? "lines-returned:" : "order-placed:") + first().invoiceNo();
    }

    /** @throws ArithmeticException when an amount overflows */
    Object toEvent(String currency, BigDecimal costRatio) {
        RetailRow first = first();
        if (first.cancellation()) {
            List<ReturnedLine> lines = rows.stream().map(r -> new ReturnedLine(r.sku(), -r.quantity(),
                    r.unitPrice().times(-r.quantity()), unitCost(r.unitPrice(), costRatio).times(-r.quantity()))).toList();
            return new OrderLinesReturned(first.invoiceNo(), null, first.customerId(), first.time(), currency, lines, null);
        }
        List<OrderLine> lines = rows.stream().map(r -> new OrderLine(r.sku(), r.quantity(), r.unitPrice(),
                unitCost(r.unitPrice(), costRatio), null)).toList();
        OrderPlaced order = new OrderPlaced(first.invoiceNo(), first.customerId(), first.time(), currency, lines, null);
        order.revenue();
        order.costOfGoods();
        return order;
    }

    /** The data has no cost: unit price × the configured ratio, rounded half up to the minor unit. */
    static Money unitCost(Money unitPrice, BigDecimal costRatio) {
        return Money.ofMinor(BigDecimal.valueOf(unitPrice.minorUnits()).multiply(costRatio)
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
