package io.tierwatch.order.imports;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Groups streamed rows into invoices with bounded memory. An invoice stays open while its rows
 * keep coming; once {@code windowRows} rows passed without one of its lines it is closed and
 * handed on. Rows of one invoice need not be adjacent (the retail data interleaves a few), only
 * within the window; a row of an invoice already closed is rejected rather than published as a
 * second, conflicting event with the same id.
 */
final class InvoiceGrouper {

    private final int windowRows;
    private final Consumer<Invoice> closed;
    /** Open invoices, least recently touched first. */
    private final LinkedHashMap<String, Invoice> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Event ids only, a few bytes each: what rows must no longer join. */
    private final Set<String> done = new HashSet<>();
    /** Rows added so far: the clock of the window, continuous across the files of one import. */
    private long rows;

    InvoiceGrouper(int windowRows, Consumer<Invoice> closed) {
        this.windowRows = windowRows;
        this.closed = closed;
    }

    /** @return the rejection of this row, or null when it joined an invoice */
    RowResult.Rejected add(SalesRow row) {
        rows++;
        closeOlderThan(rows - windowRows);
        String key = row.eventId();
        if (done.contains(key)) {
            return new RowResult.Rejected(row.line(), "order " + row.orderNo() + " was closed " + windowRows
                    + " or more rows earlier; rows of one order must be within that window");
        }
        Invoice invoice = open.get(key);
        if (invoice == null) {
            open.put(key, new Invoice(row, rows));
            return null;
        }
        if (!invoice.first().customerId().equals(row.customerId())) {
            return new RowResult.Rejected(row.line(), "customer " + row.customerId() + " differs from "
                    + invoice.first().customerId() + " on earlier rows of order " + row.orderNo());
        }
        invoice.add(row, rows);
        return null;
    }

    /** Closes every open invoice, at the end of the input. */
    void finish() {
        closeOlderThan(Long.MAX_VALUE);
    }

    private void closeOlderThan(long row) {
        Iterator<Map.Entry<String, Invoice>> eldest = open.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<String, Invoice> entry = eldest.next();
            if (entry.getValue().lastTouched() >= row) {
                return;
            }
            eldest.remove();
            done.add(entry.getKey());
            closed.accept(entry.getValue());
        }
    }
}
