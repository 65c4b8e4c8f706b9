package io.tierwatch.scoring.ledger;

import io.tierwatch.contracts.Tier;

/** One command's outcome while its batch is computed; the outbox size is known only after the commit. */
final class Step {

    final String customerId;
    private final int partition;
    RuntimeException error;
    private Long due;
    private boolean dueMoved;
    private int status;
    private String tier;
    private String owner;
    private String previousTier;
    private boolean ownerChanged;

    Step(String customerId, int partition) {
        this.customerId = customerId;
        this.partition = partition;
    }

    void done(Applier.Step step, CustomerState st, String ownerBefore, Long dueBefore, Long dueAfter,
            boolean rewriteDue) {
        status = step.status();
        previousTier = step.previousTier();
        snapshot(st);
        ownerChanged = owner != null ? !owner.equals(ownerBefore) : ownerBefore != null;
        due = dueAfter;
        dueMoved = !java.util.Objects.equals(dueBefore, dueAfter)
                || rewriteDue && status != Applier.SKIPPED; // an applied sweep rewrites its index entry
    }

    /** Waits for the redelivery: an earlier command of the customer failed (or this one did). */
    void blocked(CustomerState st, Long due) {
        status = 2;
        snapshot(st);
        this.due = due;
    }

    private void snapshot(CustomerState st) {
        tier = st.tier;
        owner = st.owner;
    }

    ApplyOutcome outcome(String id, long outboxSize) {
        return new ApplyOutcome(id, status == Applier.APPLIED, status == 2, tier == null ? null : Tier.valueOf(tier),
                outboxSize, owner, previousTier != null, previousTier == null || previousTier.isEmpty()
                        ? null : Tier.valueOf(previousTier), ownerChanged, partition, due, dueMoved, status == Applier.SKIPPED);
    }
}
