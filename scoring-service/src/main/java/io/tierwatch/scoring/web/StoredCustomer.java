package io.tierwatch.scoring.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.outbox.OutboxEntry;

/** A customer's state hash as the apply script keeps it (field names in docs/scoring-service.md). */
record StoredCustomer(String customerId, Map<String, String> fields) {

    static final List<String> SUMMARY_FIELDS = List.of("name", "owner", "tier", "traits", "wr", "wg", "ws", "lr",
            "lg", "ls");

    boolean exists() {
        return !fields.isEmpty();
    }

    String text(String field) {
        String value = fields.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    long number(String field) {
        String value = text(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    LocalDate day(String field) {
        String value = text(field);
        return value == null ? null : LocalDate.ofEpochDay(Long.parseLong(value));
    }

    Tier tier() {
        String value = text("tier");
        return value == null ? null : Tier.valueOf(value);
    }

    Set<Trait> traits() {
        return OutboxEntry.traits(text("traits"));
    }

    Figures window() {
        return Figures.of(number("wr"), number("wg"), number("ws"));
    }

    Figures lifetime() {
        return Figures.of(number("lr"), number("lg"), number("ls"));
    }

    /** From an HMGET of {@link #SUMMARY_FIELDS}. */
    static StoredCustomer ofSummary(String customerId, List<String> values) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < SUMMARY_FIELDS.size(); i++) {
            if (values.get(i) != null) {
                fields.put(SUMMARY_FIELDS.get(i), values.get(i));
            }
        }
        return new StoredCustomer(customerId, fields);
    }
}
