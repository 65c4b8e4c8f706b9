package io.tierwatch.contracts;

import java.time.Instant;

/**
 * One event among the largest contributors to a window's result: what it added to (positive)
 * or took from (negative) the customer's profit.
 */
public record Contributor(String eventId, String kind, String reference, Instant occurredAt, Money profitImpact) {

    public Contributor {
        Require.text(eventId, "eventId");
        Require.text(kind, "kind");
        Require.present(profitImpact, "profitImpact");
    }
}
