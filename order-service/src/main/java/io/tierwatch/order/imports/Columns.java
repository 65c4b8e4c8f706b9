package io.tierwatch.order.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tierwatch.order.imports.ImportMapping.Field;

/**
 * Where each mapped field is in a row: a header name found in the file's header, a 1-based
 * position, or a character range of a fixed-width line. Resolved once per file, so that a file
 * without a mapped column stops before its first row.
 */
final class Columns {

    private final Map<Field, int[]> at = new EnumMap<>(Field.class);
    private final boolean fixed;

    /**
     * @param header the header row, or null when the mapping has none
     * @throws IllegalArgumentException naming the missing columns
     */
    Columns(ImportMapping mapping, List<String> header) {
        this.fixed = mapping.layout() == ImportMapping.Layout.FIXED;
        List<String> missing = new ArrayList<>();
        for (Field field : Field.values()) {
            String column = mapping.column(field);
            if (column == null) {
                continue;
            }
            if (fixed) {
                String[] range = column.split("-");
                at.put(field, new int[] {Integer.parseInt(range[0]) - 1, Integer.parseInt(range[1])});
            } else if (header == null || column.matches("[1-9]\\d*") && !header.contains(column)) {
                at.put(field, new int[] {Integer.parseInt(column) - 1});
            } else {
                int index = header.indexOf(column);
                if (index < 0) {
                    missing.add(column);
                }
                at.put(field, new int[] {index});
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header has no column " + String.join(", ", missing)
                    + " (mapping '" + mapping.name() + "'): " + header);
        }
    }

    /** The field's text, trimmed; empty when the row is too short or the field is not mapped. */
    String get(List<String> cells, Field field) {
        int[] position = at.get(field);
        if (position == null) {
            return "";
        }
        if (fixed) {
            String line = cells.get(0);
            return position[0] >= line.length() ? "" : line.substring(position[0], Math.min(position[1], line.length())).trim();
        }
        String cell = position[0] < cells.size() ? cells.get(position[0]) : null;
        return cell == null ? "" : cell.trim();
    }
}
