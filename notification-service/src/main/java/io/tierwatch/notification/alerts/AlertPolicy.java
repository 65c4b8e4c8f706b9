package io.tierwatch.notification.alerts;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;

import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.Tier;
import io.tierwatch.contracts.Trait;

/** Decides whether a tier change is worth an alert, and which: plain rules, no I/O. */
public final class AlertPolicy {

    private final Set<Trait> protectiveTraits;
    private final boolean headsUpOnLeavingA;
    private final boolean recoveries;

    public AlertPolicy(Set<Trait> protectiveTraits, boolean headsUpOnLeavingA, boolean recoveries) {
        this.protectiveTraits = Set.copyOf(protectiveTraits);
        this.headsUpOnLeavingA = headsUpOnLeavingA;
        this.recoveries = recoveries;
    }

    public record Decision(AlertRule rule, Action action) {
    }

    /**
     * Whether {@link #decide} can return an alert for this change, whatever the customer's traits:
     * traits choose only the action. Most tier changes (a new customer's first tier, moves between
     * profitable tiers) answer no, and the handler skips their lookups in Redis.
     */
    public boolean mayAlert(CustomerTierChanged change) {
        return decide(change, Set.of()).isPresent();
    }

    /** {@code traits} are the event's traits plus what the master data adds (the strategic flag). */
    public Optional<Decision> decide(CustomerTierChanged change, Set<Trait> traits) {
        Tier previous = change.previousTier();
        Tier next = change.newTier();
        if (change.droppedIntoLoss()) {
            boolean protectedCustomer = !Collections.disjoint(traits, protectiveTraits);
            return Optional.of(new Decision(AlertRule.LOSS, protectedCustomer ? Action.REVIEW : Action.ACT));
        }
        if (headsUpOnLeavingA && previous == Tier.A && next != Tier.A) {
            return Optional.of(new Decision(AlertRule.LEFT_A, Action.HEADS_UP));
        }
        if (recoveries && previous == Tier.D && next != Tier.D) {
            return Optional.of(new Decision(AlertRule.RECOVERY, Action.INFO));
        }
        return Optional.empty();
    }
}
