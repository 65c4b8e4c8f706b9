package io.tierwatch.order.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a file whose layout is fixed by header names (master data, tickets): found
 * whatever their order and case; columns it does not know are ignored.
 */
final class HeaderColumns {

    private final Map<String, Integer> index = new HashMap<>();

    /** @throws IllegalArgumentException naming the required columns the header lacks */
    HeaderColumns(List<String> header, List<String> required, List<String> optional) {
        if (header == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!index.containsKey(name.toLowerCase(Locale.ROOT))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header has no column " + String.join(", ", missing)
                    + " (columns: " + String.join(", ", required) + ", and optionally " + String.join(", ", optional)
                    + "): " + header);
        }
    }

    /** The cell, trimmed; null when empty or when the file has no such column. */
    String get(List<String> cells, String name) {
        Integer at = index.get(name.toLowerCase(Locale.ROOT));
        if (at == null || at >= cells.size() || cells.get(at) == null || cells.get(at).isBlank()) {
            return null;
        }
        return cells.get(at).trim();
    }

    /** A yes/no cell: true, yes, y, 1 or false, no, n, 0 in any case; empty is false. */
    boolean flag(List<String> cells, String name) {
        String text = get(cells, name);
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException(name + " '" + text + "' is not true or false");
        };
    }
}
