package io.tierwatch.order.imports;

import java.time.Instant;

import io.tierwatch.contracts.Money;

/**
 * One valid sales line, whatever the file's layout: a line of order {@code orderNo}, or of a
 * return when {@code returned}. {@code quantity} is positive either way. {@code file} and
 * {@code line} say where it was read.
 */
record SalesRow(String file, long line, String orderNo, boolean returned, String customerId, Instant time, String sku,
        long quantity, Money unitPrice, Money unitCost) {

    /** The event id of the order or return this row belongs to. */
    String eventId() {
        return (returned ? "lines-returned:" : "order-placed:") + orderNo;
    }
}
