package io.tierwatch.order.imports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import io.tierwatch.contracts.Money;

/**
 * Reads one row of the retail layout ({@code InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate, UnitPrice, CustomerID, Country}, columns found by header name). Times carry no
 * zone in the file and are read in the configured one; customer ids written as decimals
 * ({@code 17850.0}) lose the ".0".
 */
final class RetailRowParser {

    static final List<String> COLUMNS = List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice",
            "CustomerID");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");
    private static final Pattern INVOICE = Pattern.compile("C?[A-Za-z0-9]{1,40}");
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
    private static final Pattern DECIMAL_ID = Pattern.compile("(\\d+)\\.0+");

    private final int[] index;
    private final ZoneId zone;
    private final java.time.Instant latest;

    RetailRowParser(List<String> header, ZoneId zone) {
        this(header, zone, java.time.Instant.MAX);
    }

    /**
     * @param header the header row; every column of {@link #COLUMNS} must be in it
     * @param latest the latest InvoiceDate accepted ({@link io.tierwatch.order.web.EventTimes#latest})
     */
    RetailRowParser(List<String> header, ZoneId zone, java.time.Instant latest) {
        this.latest = latest;
        this.index = COLUMNS.stream().mapToInt(name -> header.indexOf(name)).toArray();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0) {
                throw new IllegalArgumentException("the header has no column " + COLUMNS.get(i) + ": " + header);
            }
        }
        this.zone = zone;
    }

    RowResult parse(String file, long line, List<String> cells) {
        String customer = cell(cells, 5);
        if (customer.isEmpty()) {
            return new RowResult.Skipped(line, "no CustomerID");
        }
        String invoice = cell(cells, 0);
        String sku = cell(cells, 1);
        if (!INVOICE.matcher(invoice).matches()) {
            return new RowResult.Rejected(line, "InvoiceNo '" + invoice + "' is not an invoice number");
        }
        if (sku.isEmpty() || sku.length() > 200) {
            return new RowResult.Rejected(line, "StockCode must be 1 to 200 characters");
        }
        try {
            return valid(file, line, invoice, sku, customerId(customer), cells);
        } catch (IllegalArgumentException e) {
            return new RowResult.Rejected(line, e.getMessage());
        }
    }

    private RowResult valid(String file, long line, String invoice, String sku, String customer, List<String> cells) {
        long quantity = quantity(cell(cells, 2));
        boolean cancellation = invoice.startsWith("C");
        if (quantity == 0 || (quantity < 0) != cancellation) {
            // a negative line on an ordinary invoice is a stock adjustment, not a sale or return
            return new RowResult.Rejected(line, "Quantity " + quantity + (cancellation
                    ? " must be negative on a cancellation invoice"
                    : " must be positive on an invoice that is not a cancellation"));
        }
        Money unitPrice = unitPrice(cell(cells, 4));
        java.time.Instant at = time(cell(cells, 3)).atZone(zone).toInstant();
        String future = io.tierwatch.order.web.EventTimes.refusal(at, latest);
        if (future != null) {
            return new RowResult.Rejected(line, "InvoiceDate " + future);
        }
        return new RowResult.Valid(new RetailRow(file, line, invoice, sku, quantity, at, unitPrice, customer));
    }

    private static long quantity(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Quantity '" + text + "' is not a whole number");
        }
    }

    private static LocalDateTime time(String text) {
        try {
            return LocalDateTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("InvoiceDate '" + text + "' is not a time like 2010-12-01 08:26:00");
        }
    }

    private static Money unitPrice(String text) {
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("UnitPrice " + text + " is negative");
        }
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            // e.g. 0.001: a price below the minor unit cannot be carried exactly, so it is not rounded away
            throw new IllegalArgumentException("UnitPrice " + text + " is not an amount with at most 2 decimals");
        }
    }

    private static String customerId(String text) {
        var decimal = DECIMAL_ID.matcher(text);
        String id = decimal.matches() ? decimal.group(1) : text;
        if (!CUSTOMER.matcher(id).matches()) {
            throw new IllegalArgumentException("CustomerID '" + text + "' is not a customer id");
        }
        return id;
    }

    private String cell(List<String> cells, int column) {
        int at = index[column];
        return at < cells.size() && cells.get(at) != null ? cells.get(at).trim() : "";
    }
}
