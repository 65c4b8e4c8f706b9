package io.tierwatch.notification.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tierwatch.contracts.Contributor;
import io.tierwatch.contracts.Figures;
import io.tierwatch.contracts.Money;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;

/**
 * One alert for one rep about one tier change. Its id is the tier event's id: a transition
 * alerts once, however often the event is delivered.
 *
 * @param repId who receives it: the owner, or the fallback rep when the customer has no owner
 * @param ownerRepId the owner in the master data, null when there is none
 */
public record Alert(
        String alertId,
        String repId,
        String customerId,
        String customerName,
        String ownerRepId,
        AlertRule rule,
        Action action,
        Tier previousTier,
        Tier newTier,
        int windowDays,
        Figures window,
        Figures lifetime,
        Set<Trait> traits,
        String reason,
        List<Contributor> contributors,
        Instant occurredAt,
        Instant createdAt) {

    public Alert {
        traits = traits == null ? Set.of() : Set.copyOf(traits);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
    }

    public String eventId() {
        return alertId;
    }

    public Money windowProfit() {
        return window.profit();
    }
}
