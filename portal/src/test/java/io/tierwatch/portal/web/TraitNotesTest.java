package io.tierwatch.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TraitNotesTest {

    @Test
    void explainsLoyaltyByTheTenureUpToTheWindowEndAndTheLastActivity() {
        Map<String, Object> customer = new HashMap<>(Map.of("traits", List.of("LOYAL", "BIG"), "customerSince",
                "2021-03-01", "windowEnd", "2024-06-30", "lastActivity", "2024-06-12",
                "lifetime", Map.of("revenue", "52000.00")));

        assertThat(TraitNotes.of(customer)).containsExactly(
                "Loyal: a customer for 3 years and active in the last 90 days (last activity 2024-06-12).",
                "Big: 52000.00 of lifetime revenue.");
    }

    @Test
    void countsTenureFromTheFirstActivityWithoutMasterData() {
        Map<String, Object> customer = new HashMap<>(Map.of("traits", List.of("NEW"), "firstActivity", "2010-12-07",
                "windowEnd", "2010-12-23"));
        customer.put("customerSince", null);

        assertThat(TraitNotes.of(customer)).containsExactly(
                "New: a customer since 2010-12-07, less than 30 days; too early to judge.");
    }

    @Test
    void saysNothingForACustomerWithoutTraits() {
        assertThat(TraitNotes.of(Map.of("traits", List.of()))).isEmpty();
    }
}
