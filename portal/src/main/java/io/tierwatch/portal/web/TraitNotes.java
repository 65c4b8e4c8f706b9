package io.tierwatch.portal.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The protective traits in plain words, from the customer's own figures: why a rep should think
 * twice before dropping this customer. The thresholds are scoring-service's defaults
 * (docs/scoring-service.md, "Traits").
 */
final class TraitNotes {

    private TraitNotes() {
    }

    @SuppressWarnings("unchecked")
    static List<String> of(Map<String, Object> customer) {
        List<String> notes = new ArrayList<>();
        List<Object> traits = customer.get("traits") instanceof List<?> list ? (List<Object>) list : List.of();
        Map<String, Object> lifetime = customer.get("lifetime") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String since = customer.get("customerSince") != null ? String.valueOf(customer.get("customerSince"))
                : String.valueOf(customer.get("firstActivity"));
        for (Object trait : traits) {
            switch (String.valueOf(trait)) {
                case "LOYAL" -> notes.add("Loyal: a customer for " + tenure(since, customer.get("windowEnd"))
                        + " and active in the last 90 days (last activity " + customer.get("lastActivity") + ").");
                case "BIG" -> notes.add("Big: " + lifetime.get("revenue") + " of lifetime revenue.");
                case "POTENTIAL" -> notes.add("Potential: revenue in this window grew by at least 20 % over the"
                        + " window before.");
                case "STRATEGIC" -> notes.add("Strategic: marked so in the customer's master data.");
                case "NEW" -> notes.add("New: a customer since " + since + ", less than 30 days; too early to judge.");
                default -> notes.add(trait + ".");
            }
        }
        return notes;
    }

    private static String tenure(String since, Object asOf) {
        try {
            Period p = Period.between(LocalDate.parse(since), LocalDate.parse(String.valueOf(asOf)));
            if (p.getYears() > 0) {
                return p.getYears() + (p.getYears() == 1 ? " year" : " years");
            }
            return p.getMonths() + (p.getMonths() == 1 ? " month" : " months");
        } catch (RuntimeException e) {
            return "a long time";
        }
    }
}
