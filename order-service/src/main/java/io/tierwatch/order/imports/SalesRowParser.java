package io.tierwatch.order.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tierwatch.contracts.Money;
import io.tierwatch.order.imports.ImportMapping.CostRule;
import io.tierwatch.order.imports.ImportMapping.Field;
import io.tierwatch.order.imports.ImportMapping.Returns;
import io.tierwatch.order.web.EventTimes;

/**
 * Reads one sales row through its {@link ImportMapping}. Reasons name the file's own columns.
 * Customer ids written as decimals ({@code 17850.0}) lose the ".0". Without an order column
 * each row is an order of its own, numbered {@code <customer>-<yyyyMMdd>-<n>} by its place among
 * that customer's rows of the day, so that the same file imported again gives the same ids.
 * With a line amount each line is one unit at the line's total, which keeps the file's amounts
 * exact (a line total need not divide by its quantity).
 */
final class SalesRowParser {

    private static final Pattern ORDER = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern DECIMAL_ID = Pattern.compile("(\\d+)\\.0+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ImportMapping mapping;
    private final Columns columns;
    private final Instant latest;
    private final Map<String, Integer> ordersOfTheDay = new HashMap<>();

    /**
     * @param header the header row, or null when the mapping has none
     * @param latest the latest time accepted ({@link EventTimes#latest})
     * @throws IllegalArgumentException when the header lacks a mapped column
     */
    SalesRowParser(ImportMapping mapping, List<String> header, Instant latest) {
        this.mapping = mapping;
        this.columns = new Columns(mapping, header);
        this.latest = latest;
    }

    RowResult parse(String file, long line, List<String> cells) {
        String customer = text(cells, Field.CUSTOMER);
        if (customer.isEmpty()) {
            return new RowResult.Skipped(line, "no " + label(Field.CUSTOMER));
        }
        try {
            return valid(file, line, customerId(customer), cells);
        } catch (IllegalArgumentException e) {
            return new RowResult.Rejected(line, e.getMessage());
        }
    }

    private RowResult valid(String file, long line, String customer, List<String> cells) {
        String order = text(cells, Field.ORDER);
        if (mapping.has(Field.ORDER) && !ORDER.matcher(order).matches()) {
            throw new IllegalArgumentException(label(Field.ORDER) + " '" + order + "' is not an order number");
        }
        String sku = mapping.has(Field.SKU) ? text(cells, Field.SKU) : "item";
        if (sku.isEmpty() || sku.length() > 200) {
            throw new IllegalArgumentException(label(Field.SKU) + " must be 1 to 200 characters");
        }
        long quantity = mapping.has(Field.QUANTITY) ? quantity(text(cells, Field.QUANTITY)) : 1;
        Field priceField = mapping.has(Field.UNIT_PRICE) ? Field.UNIT_PRICE : Field.LINE_AMOUNT;
        BigDecimal price = amount(cells, priceField);
        boolean returned = returned(order, quantity, price);
        Instant at = time(text(cells, Field.TIME));
        String future = EventTimes.refusal(at, latest);
        if (future != null) {
            throw new IllegalArgumentException(label(Field.TIME) + " " + future);
        }
        if (!mapping.has(Field.ORDER)) {
            String day = customer + "-" + DAY.format(at.atZone(mapping.zone()));
            order = day + "-" + ordersOfTheDay.merge(day, 1, Integer::sum);
        }
        long units = Math.abs(quantity);
        boolean lineTotals = priceField == Field.LINE_AMOUNT;
        BigDecimal cost = cost(cells, price.abs(), units, lineTotals);
        return new RowResult.Valid(new SalesRow(file, line, order, returned, customer, at, sku, lineTotals ? 1 : units,
                money(price.abs(), priceField), money(cost, mapping.has(Field.LINE_COST) ? Field.LINE_COST : Field.UNIT_COST)));
    }

    /** Whether the row is a returned line, by the mapping's rule; a line of no quantity is neither. */
    private boolean returned(String order, long quantity, BigDecimal price) {
        if (quantity == 0) {
            throw new IllegalArgumentException(label(Field.QUANTITY) + " is 0");
        }
        return switch (mapping.returns()) {
            case ORDER_PREFIX -> {
                boolean cancellation = order.startsWith(mapping.returnPrefix());
                if ((quantity < 0) != cancellation) {
                    // a negative line on an ordinary invoice is a stock adjustment, not a sale or return
                    throw new IllegalArgumentException(label(Field.QUANTITY) + " " + quantity + (cancellation
                            ? " must be negative on a cancellation invoice"
                            : " must be positive on an invoice that is not a cancellation"));
                }
                if (price.signum() < 0) {
                    throw new IllegalArgumentException(priceLabel() + " " + price.toPlainString() + " is negative");
                }
                yield cancellation;
            }
            case NEGATIVE -> {
                if (quantity < 0 && price.signum() < 0) {
                    throw new IllegalArgumentException(label(Field.QUANTITY) + " and " + priceLabel()
                            + " are both negative; a returned line has one of them negative");
                }
                yield quantity < 0 || price.signum() < 0;
            }
            case NONE -> {
                if (quantity < 0 || price.signum() < 0) {
                    throw new IllegalArgumentException((quantity < 0 ? label(Field.QUANTITY) + " " + quantity
                            : priceLabel() + " " + price.toPlainString()) + " is negative, and mapping '"
                            + mapping.name() + "' recognises no returns");
                }
                yield false;
            }
        };
    }

    /** The unit cost, or with line totals the line's cost, before rounding to the minor unit. */
    private BigDecimal cost(List<String> cells, BigDecimal price, long units, boolean lineTotals) {
        if (mapping.cost() == CostRule.RATIO) {
            // the file has no cost: price × ratio, rounded half up to the minor unit
            return price.multiply(mapping.costRatio()).setScale(2, RoundingMode.HALF_UP);
        }
        Field field = mapping.has(Field.UNIT_COST) ? Field.UNIT_COST : Field.LINE_COST;
        BigDecimal cost = amount(cells, field);
        if (cost.signum() < 0) {
            throw new IllegalArgumentException(label(field) + " " + cost.toPlainString() + " is negative");
        }
        return lineTotals && field == Field.UNIT_COST ? cost.multiply(BigDecimal.valueOf(units)) : cost;
    }

    private long quantity(String text) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label(Field.QUANTITY) + " '" + text + "' is not a whole number");
        }
    }

    /** An amount written with the mapping's separators, signed. */
    private BigDecimal amount(List<String> cells, Field field) {
        String text = text(cells, field);
        String plain = text;
        if (mapping.groupingSeparator() != null) {
            plain = plain.replace(mapping.groupingSeparator().toString(), "");
        }
        if (mapping.decimalSeparator() == ',') {
            plain = plain.replace(',', '.');
        }
        if (!plain.matches("-?\\d{1,16}(\\.\\d+)?")) {
            throw new IllegalArgumentException(label(field) + " '" + text + "' is not an amount");
        }
        BigDecimal amount = new BigDecimal(plain);
        if (amount.stripTrailingZeros().scale() > 2) {
            // e.g. 0.001: a price below the minor unit cannot be carried exactly, so it is not rounded away
            throw new IllegalArgumentException(label(field) + " " + text + " is not an amount with at most 2 decimals");
        }
        return amount;
    }

    private Instant time(String text) {
        try {
            return LocalDateTime.parse(text, mapping.dateFormat()).atZone(mapping.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label(Field.TIME) + " '" + text + "' does not match the date format of"
                    + " mapping '" + mapping.name() + "'");
        }
    }

    private static Money money(BigDecimal amount, Field field) {
        try {
            return Money.ofMinor(amount.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + amount.toPlainString() + " is too large");
        }
    }

    private String customerId(String text) {
        var decimal = DECIMAL_ID.matcher(text);
        String id = decimal.matches() ? decimal.group(1) : text;
        if (!CUSTOMER.matcher(id).matches()) {
            throw new IllegalArgumentException(label(Field.CUSTOMER) + " '" + text + "' is not a customer id");
        }
        return id;
    }

    private String text(List<String> cells, Field field) {
        return columns.get(cells, field);
    }

    private String priceLabel() {
        return label(mapping.has(Field.UNIT_PRICE) ? Field.UNIT_PRICE : Field.LINE_AMOUNT);
    }

    /** The field as the file calls it: its header name, or its position. */
    private String label(Field field) {
        String column = mapping.column(field);
        if (column == null) {
            return field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        if (mapping.layout() == ImportMapping.Layout.FIXED) {
            return "characters " + column;
        }
        return column.matches("[1-9]\\d*") && !mapping.header() ? "column " + column : column;
    }
}
