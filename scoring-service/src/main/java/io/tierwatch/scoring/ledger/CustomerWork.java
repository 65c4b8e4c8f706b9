package io.tierwatch.scoring.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's part of one batch: the state as read, the commands applied to it in memory, and
 * the tier changes to publish (those the state read still held pending, and those the commands
 * queued), until the commit writes them. When a command fails
 * (an amount overflow) the work is rebuilt from what was read without it, so nothing of a failed
 * command is ever written.
 */
final class CustomerWork {

    final String customerId;
    private final Map<String, String> read;
    private final List<LedgerCommand> applied = new ArrayList<>();
    /** Tier changes to publish: version → entry fields (those the state read held, then those queued). */
    final Map<String, Map<String, String>> outbox = new LinkedHashMap<>();
    /**
     * Entries known to match the state as it is (version → compact form): those made by the last
     * command that moved it, or carried from a state no command moved; see {@link PendingChanges#settle}.
     */
    private final Map<String, String> fresh = new HashMap<>();
    private String queuedVersion;
    private String queuedCompact;
    /** The entries the commit writes whole into the outbox hash, not compact into the state ({@link PendingChanges#settle}). */
    private Map<String, Map<String, String>> whole = Map.of();
    CustomerState state;
    /** Set once a command of this customer failed: its later commands wait for the redelivery. */
    boolean failed;
    /**
     * Whether its outbox may hold entries this batch did not make: a record skipped as a duplicate
     * (a replay after a crash or a failed publication) or a sweep (the last sweep's publication may
     * have failed). The publisher reads such an outbox back.
     */
    boolean readBack;
    /** A sweep found nothing due for this customer (nothing to write or read back for it). */
    boolean skipped;
    private CustomerState.Changes changes;

    /** Whether the customer had a state before this batch (it is not new). */
    boolean existed() {
        return !read.isEmpty();
    }

    /** The state hash as the commit leaves it: what was read plus the changes, or as read when there are none. */
    Map<String, String> stored() {
        return hasWrites() ? changes().stored() : read;
    }

    CustomerWork(String customerId, Map<String, String> read) {
        this.customerId = customerId;
        this.read = read;
        this.state = new CustomerState(read);
        carry();
    }

    /** The tier changes the state as read still holds pending (a crash or a failed publication left them). */
    private void carry() {
        state.pending.forEach((version, compact) -> {
            outbox.put(Long.toString(version), PendingChanges.derive(state, version, compact));
            fresh.put(Long.toString(version), compact);
        });
    }

    /** A tier change the command being applied made (Applier.decide: its last step). */
    void queue(String version, Map<String, String> entry, String compact) {
        outbox.put(version, entry);
        queuedVersion = version;
        queuedCompact = compact;
    }

    private Applier.Step applyOne(Applier applier, LedgerCommand command) {
        queuedVersion = null;
        Applier.Step step = applier.apply(this, command);
        if (step.status() == Applier.APPLIED) {
            // the state moved: what earlier entries reported may no longer show in it
            fresh.clear();
            if (queuedVersion != null) {
                fresh.put(queuedVersion, queuedCompact);
            }
        }
        return step;
    }

    Applier.Step apply(Applier applier, LedgerCommand command) {
        changes = null;
        try {
            Applier.Step step = applyOne(applier, command);
            if (step.status() == Applier.SKIPPED) {
                skipped = true;
                return step;
            }
            if (step.status() == Applier.APPLIED) {
                applied.add(command);
            } else {
                readBack = true;
            }
            if (command.watermark().isEmpty()) {
                readBack = true;
            }
            return step;
        } catch (RuntimeException e) {
            failed = true;
            rebuild(applier);
            throw e;
        }
    }

    private void rebuild(Applier applier) {
        state = new CustomerState(read);
        outbox.clear();
        fresh.clear();
        carry();
        for (LedgerCommand command : applied) {
            applyOne(applier, command);
        }
    }

    boolean appliedAny() {
        return !applied.isEmpty();
    }

    /** Whether a commit is due: an applied command moved a field (not only {@code rev}) or queued an entry. */
    boolean hasWrites() {
        if (applied.isEmpty()) {
            return false;
        }
        CustomerState.Changes changes = changes();
        return !outbox.isEmpty() || !changes.deleted().isEmpty() || changes.set().size() > 2;
    }

    /** The field changes against what was read, computed once, with the tier changes settled into place. */
    CustomerState.Changes changes() {
        if (changes == null) {
            whole = PendingChanges.settle(state, outbox, fresh);
            changes = state.changes();
        }
        return changes;
    }

    /** The tier changes the commit writes whole into the outbox hash (most are compact in the state). */
    Map<String, Map<String, String>> wholeEntries() {
        changes();
        return whole;
    }
}
