package io.tierwatch.scoring.ledger;

import io.tierwatch.contracts.Tier;

/** One command's outcome while its batch is computed; the outbox size is known only after the commit. */
final class Step {

    final String customerId;
    RuntimeException error;
    private int status;
    private String tier;
    private String owner;
    private String previousTier;
    private boolean ownerChanged;

    Step(String customerId) {
        this.customerId = customerId;
    }

    void done(Applier.Step step, CustomerState st, String ownerBefore) {
        status = step.status();
        previousTier = step.previousTier();
        snapshot(st);
        ownerChanged = owner != null ? !owner.equals(ownerBefore) : ownerBefore != null;
    }

    /** Waits for the redelivery: an earlier command of the customer failed (or this one did). */
    void blocked(CustomerState st) {
        status = 2;
        snapshot(st);
    }

    private void snapshot(CustomerState st) {
        tier = st.tier;
        owner = st.owner;
    }

    ApplyOutcome outcome(String id, long outboxSize) {
        return new ApplyOutcome(id, status == Applier.APPLIED, status == 2, tier == null ? null : Tier.valueOf(tier),
                outboxSize, owner, previousTier != null, previousTier == null || previousTier.isEmpty()
                        ? null : Tier.valueOf(previousTier), ownerChanged);
    }
}
