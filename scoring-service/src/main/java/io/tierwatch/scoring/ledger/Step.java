package io.tierwatch.scoring.ledger;

import io.tierwatch.contracts.Tier;

/** One command's outcome while its batch is computed; the outbox size is known only after the commit. */
final class Step {

    final String customerId;
    RuntimeException error;
    private int status;
    private String tier;
    private long windowExpiry;
    private String owner;
    private String previousTier;
    private boolean expiryChanged;
    private boolean ownerChanged;

    Step(String customerId) {
        this.customerId = customerId;
    }

    void done(Applier.Step step, CustomerState st, int windowDays, long expiryBefore, String ownerBefore) {
        status = step.status();
        previousTier = step.previousTier();
        snapshot(st, windowDays);
        expiryChanged = windowExpiry != expiryBefore;
        ownerChanged = owner != null ? !owner.equals(ownerBefore) : ownerBefore != null;
    }

    /** Waits for the redelivery: an earlier command of the customer failed (or this one did). */
    void blocked(CustomerState st, int windowDays) {
        status = 2;
        snapshot(st, windowDays);
    }

    private void snapshot(CustomerState st, int windowDays) {
        tier = st.tier;
        windowExpiry = st.windowExpiry(windowDays);
        owner = st.owner;
    }

    ApplyOutcome outcome(String id, long outboxSize) {
        return new ApplyOutcome(id, status == Applier.APPLIED, status == 2, tier == null ? null : Tier.valueOf(tier),
                outboxSize, windowExpiry, owner, previousTier != null, previousTier == null || previousTier.isEmpty()
                        ? null : Tier.valueOf(previousTier), expiryChanged, ownerChanged);
    }
}
