package io.tierwatch.scoring.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;
import io.tierwatch.scoring.ledger.LedgerKeys;
import io.tierwatch.scoring.outbox.OutboxEntry;

/** A customer's state hash with its packed fields spelled out (field names in docs/scoring-service.md). */
record StoredCustomer(String customerId, Map<String, String> fields) {

    /** From the stored hash (or part of it). */
    static StoredCustomer of(String customerId, Map<String, String> stored) {
        return new StoredCustomer(customerId, LedgerKeys.stateFields(stored));
    }

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

    /** From an HMGET of {@link LedgerKeys#SUMMARY_FIELDS}. */
    static StoredCustomer ofSummary(String customerId, List<String> values) {
        Map<String, String> stored = new HashMap<>();
        for (int i = 0; i < LedgerKeys.SUMMARY_FIELDS.size(); i++) {
            if (values.get(i) != null) {
                stored.put(LedgerKeys.SUMMARY_FIELDS.get(i), values.get(i));
            }
        }
        return of(customerId, stored);
    }
}
