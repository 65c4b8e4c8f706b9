package io.tierwatch.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A customer moved to another tier. Announced at least once; {@link #eventId()} is stable for a
 * transition (customer id and state version), so consumers dedupe on it.
 *
 * @param stateVersion the customer's tier state version: 1 for the first tier, +1 per change
 * @param windowDays the trailing window the tier was decided on
 * @param triggeringEventId the CloudEvent id of the order, return or ticket that caused the change,
 *                          or {@code sweep:<date>} when the window aged without new events
 * @param contributors the largest contributors to the window's result, largest impact first
 * @param reason one human sentence saying why
 */
public record CustomerTierChanged(
        String customerId,
        Tier previousTier,
        Tier newTier,
        TierDirection direction,
        long stateVersion,
        String policyVersion,
        int windowDays,
        Figures window,
        Figures lifetime,
        Set<Trait> traits,
        String triggeringEventId,
        List<Contributor> contributors,
        String reason,
        Instant occurredAt) {

    public CustomerTierChanged {
        Require.id(customerId, "customerId");
        Require.present(newTier, "newTier");
        Require.present(direction, "direction");
        Require.positive(stateVersion, "stateVersion");
        Require.text(policyVersion, "policyVersion");
        Require.present(window, "window");
        Require.present(lifetime, "lifetime");
        traits = canonical(traits);
        Require.text(triggeringEventId, "triggeringEventId");
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        Require.present(occurredAt, "occurredAt");
    }

    /**
     * The traits in one order, the order of {@link Trait}'s constants, whatever the set given: a
     * transition announced again is the same bytes.
     */
    private static Set<Trait> canonical(Set<Trait> traits) {
        if (traits == null || traits.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(traits));
    }

    /** The stable CloudEvent id of this transition. */
    public String eventId() {
        return eventIdOf(customerId, stateVersion);
    }

    public static String eventIdOf(String customerId, long stateVersion) {
        return "tier:" + customerId + ":" + stateVersion;
    }

    public boolean droppedIntoLoss() {
        return newTier == Tier.D && previousTier != Tier.D;
    }
}
