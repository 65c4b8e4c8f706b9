package io.tierwatch.scoring.ledger;

import io.tierwatch.contracts.Tier;

/**
 * What applying one command did.
 *
 * @param applied false when the offset watermark skipped a record already applied, or when the
 *                record waits for an earlier one of its customer that failed in the same batch
 * @param blocked the latter case: neither applied nor a duplicate
 * @param tier the tier after the command, null before the first
 * @param outboxSize tier changes the batch committed for the customer, -1 when its outbox must be
 *                   read back before publishing (nothing committed, a duplicate, a sweep: a replay
 *                   re-publishes what a crash or a failed publication left there)
 * @param owner the owner rep from master data, null if unknown
 * @param changed whether this command changed the tier
 * @param previousTier the tier before a change, null for a first tier or no change
 * @param ownerChanged whether this command changed the owner (false unless applied)
 * @param partition the input partition number of the customer's records
 * @param due the next day a sweep must age the customer (epoch day), null for none
 * @param dueMoved whether this command moved {@code due}
 * @param skipped a sweep that found nothing due by its day: it changed nothing
 */
public record ApplyOutcome(String customerId, boolean applied, boolean blocked, Tier tier, long outboxSize,
        String owner, boolean changed, Tier previousTier, boolean ownerChanged, int partition, Long due,
        boolean dueMoved, boolean skipped) {
}
