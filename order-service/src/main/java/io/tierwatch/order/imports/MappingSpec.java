package io.tierwatch.order.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * A sales-file mapping as it is written: under {@code tierwatch.imports.mappings.<name>} in the
 * configuration, or as the JSON part {@code mapping} of an upload. Absent fields take the
 * defaults shown; {@link #resolve} checks it and gives the {@link ImportMapping}.
 *
 * @param layout {@code delimited} (default), {@code whitespace} or {@code fixed}
 * @param delimiter the separator of a delimited file, default {@code ,}; {@code tab} for a tab
 * @param header whether the first line names the columns (default true)
 * @param columns field to column: {@code order, customer, time, sku, quantity, unit-price |
 *        line-amount, unit-cost | line-cost}
 * @param dateFormat a {@code java.time} pattern, default {@code yyyy-MM-dd HH:mm:ss}
 * @param zone the zone of times written without one, default {@code UTC}
 * @param decimalSeparator {@code .} (default) or {@code ,}
 * @param groupingSeparator a thousands separator to ignore, such as {@code .} or a space; none by default
 * @param returns {@code order-prefix}, {@code negative} or {@code none} (default)
 * @param returnPrefix the order-number prefix of a return, with {@code order-prefix}
 * @param cost {@code ratio} (default) or {@code column}
 * @param costRatio cost as a share of the price, with the ratio rule
 * @param currency the currency the file's amounts are in; an upload may state it instead
 */
public record MappingSpec(String layout, String delimiter, Boolean header, Map<String, String> columns,
        String dateFormat, String zone, String decimalSeparator, String groupingSeparator, String returns,
        String returnPrefix, String cost, BigDecimal costRatio, String currency) {

    /** @throws IllegalArgumentException naming the mapping and what is wrong with it */
    ImportMapping resolve(String name) {
        try {
            return new ImportMapping(name,
                    choice(ImportMapping.Layout.class, layout, ImportMapping.Layout.DELIMITED, "layout"),
                    delimiterChar(), header == null || header,
                    ImportMapping.columns(columns == null ? Map.of() : columns),
                    ImportMapping.dateFormat(dateFormat == null ? "yyyy-MM-dd HH:mm:ss" : dateFormat), zoneId(),
                    character(decimalSeparator, '.', "decimal-separator"),
                    groupingSeparator == null || groupingSeparator.isEmpty() ? null
                            : character(groupingSeparator, ' ', "grouping-separator"),
                    choice(ImportMapping.Returns.class, returns, ImportMapping.Returns.NONE, "returns"),
                    returnPrefix,
                    choice(ImportMapping.CostRule.class, cost, ImportMapping.CostRule.RATIO, "cost"),
                    costRatio, currency == null ? null : currency.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mapping '" + name + "' " + e.getMessage());
        }
    }

    private char delimiterChar() {
        if (delimiter == null || delimiter.isEmpty()) {
            return ',';
        }
        return "tab".equalsIgnoreCase(delimiter) || "\\t".equals(delimiter) ? '\t' : character(delimiter, ',', "delimiter");
    }

    private ZoneId zoneId() {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("has zone '" + zone + "', which is not a zone id like Europe/London");
        }
    }

    private static char character(String text, char otherwise, String property) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("has " + property + " '" + text + "'; it must be one character");
        }
        return text.charAt(0);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, E otherwise, String property) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has " + property + " '" + text + "'; it must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }
}
