package io.tierwatch.order.imports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a sales file's columns become order lines: the layout, which column holds which field,
 * how dates and decimals are written, how a return is recognised, where cost comes from, and
 * the currency. Built from a {@link MappingSpec} (configuration or a per-upload part), checked
 * once, so a bad mapping is a 400 before any row is read.
 *
 * @param columns field to column: a header name, a 1-based position, or for {@code FIXED} a
 *        1-based inclusive character range {@code start-end}
 */
record ImportMapping(String name, Layout layout, char delimiter, boolean header, Map<Field, String> columns,
        DateTimeFormatter dateFormat, ZoneId zone, char decimalSeparator, Character groupingSeparator,
        Returns returns, String returnPrefix, CostRule cost, BigDecimal costRatio, String currency) {

    enum Layout {
        /** one separator character, RFC 4180 quoting */
        DELIMITED,
        /** fields separated by runs of spaces or tabs, no quoting */
        WHITESPACE,
        /** fields at fixed character positions */
        FIXED
    }

    enum Field {
        /** groups rows into one order; without it every row is an order of its own */
        ORDER,
        CUSTOMER,
        TIME,
        SKU,
        /** without it every line is one unit */
        QUANTITY,
        /** price of one unit; or LINE_AMOUNT, the line's total */
        UNIT_PRICE,
        LINE_AMOUNT,
        /** with the COLUMN cost rule: cost of one unit, or LINE_COST, of the line */
        UNIT_COST,
        LINE_COST
    }

    enum Returns {
        /** an order number starting with {@code returnPrefix} is a return, with negative quantities */
        ORDER_PREFIX,
        /** a line with a negative quantity or amount is a returned line */
        NEGATIVE,
        /** the file has no returns: a negative line is rejected */
        NONE
    }

    enum CostRule {
        /** cost is {@code costRatio} × the price (the file has no cost) */
        RATIO,
        /** cost comes from the UNIT_COST or LINE_COST column */
        COLUMN
    }

    ImportMapping {
        columns = Map.copyOf(columns);
        require(columns.containsKey(Field.CUSTOMER), "names no column for customer");
        require(columns.containsKey(Field.TIME), "names no column for time");
        require(columns.containsKey(Field.UNIT_PRICE) != columns.containsKey(Field.LINE_AMOUNT),
                "names exactly one of unit-price and line-amount");
        if (cost == CostRule.COLUMN) {
            require(columns.containsKey(Field.UNIT_COST) != columns.containsKey(Field.LINE_COST),
                    "has cost rule column, so it names exactly one of unit-cost and line-cost");
        } else {
            require(costRatio != null && costRatio.signum() >= 0 && costRatio.compareTo(BigDecimal.TEN) <= 0,
                    "has cost rule ratio, so it needs a cost-ratio from 0 to 10");
        }
        require(returns != Returns.ORDER_PREFIX || (returnPrefix != null && !returnPrefix.isEmpty()
                && columns.containsKey(Field.ORDER)), "recognises returns by order prefix, so it needs an order column"
                + " and a return-prefix");
        require(currency == null || currency.matches("[A-Z]{3}"), "has currency '" + currency
                + "', which is not an ISO 4217 code like EUR");
        require(!header || layout != Layout.FIXED || columns.values().stream().allMatch(ImportMapping::isRange),
                "is fixed-width, so every column is a character range like 2-6");
        if (layout == Layout.FIXED) {
            columns.values().forEach(c -> require(isRange(c), "is fixed-width, so column '" + c
                    + "' must be a character range like 2-6"));
        }
        if (!header && layout != Layout.FIXED) {
            columns.values().forEach(c -> require(c.matches("[1-9]\\d*"), "has no header row, so column '" + c
                    + "' must be a 1-based position"));
        }
        require(decimalSeparator == '.' || decimalSeparator == ',', "has decimal separator '" + decimalSeparator
                + "'; it must be . or ,");
        require(groupingSeparator == null || groupingSeparator != decimalSeparator,
                "uses the same character to group digits and to separate decimals");
    }

    /** The field's column. */
    String column(Field field) {
        return columns.get(field);
    }

    boolean has(Field field) {
        return columns.containsKey(field);
    }

    /**
     * A date pattern without a time of day reads as noon in {@code zone}, so that the day stays
     * the file's day in UTC for any zone within ±12 hours.
     */
    static DateTimeFormatter dateFormat(String pattern) {
        try {
            return new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 12).toFormatter(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date-format '" + pattern + "' is not a date pattern like"
                    + " yyyy-MM-dd HH:mm:ss (" + e.getMessage() + ")");
        }
    }

    static Map<Field, String> columns(Map<String, String> byName) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        byName.forEach((name, column) -> {
            Field field;
            try {
                field = Field.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("names an unknown field '" + name + "'; fields are order, customer,"
                        + " time, sku, quantity, unit-price, line-amount, unit-cost, line-cost");
            }
            if (column != null && !column.isBlank()) {
                columns.put(field, column.trim());
            }
        });
        return columns;
    }

    private static boolean isRange(String column) {
        return column.matches("[1-9]\\d*-[1-9]\\d*");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
