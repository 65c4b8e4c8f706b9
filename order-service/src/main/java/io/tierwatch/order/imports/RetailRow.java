package io.tierwatch.order.imports;

import java.time.Instant;

import io.tierwatch.contracts.Money;

/**
 * One valid sales line of the retail layout. {@code quantity} is signed as in the file: negative
 * on a cancellation ({@code C}) invoice. {@code file} and {@code line} say where it was read.
 */
record RetailRow(String file, long line, String invoiceNo, String sku, long quantity, Instant time, Money unitPrice,
        String customerId) {

    boolean cancellation() {
        return invoiceNo.startsWith("C");
    }
}
