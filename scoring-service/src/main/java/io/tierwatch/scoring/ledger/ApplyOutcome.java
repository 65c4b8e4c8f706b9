package io.tierwatch.scoring.ledger;

import java.util.List;

import io.tierwatch.contracts.Tier;

/**
 * What the apply script reports for one command.
 *
 * @param applied false when the offset watermark skipped a record already applied, or when the
 *                record waits for an earlier one of its customer that failed in the same pipeline
 * @param blocked the latter case: neither applied nor a duplicate
 * @param tier the tier after the command, null before the first
 * @param outboxSize tier changes waiting to be published (also after a skip: a replay re-publishes)
 * @param windowExpiry the day the oldest window bucket leaves the window, -1 for none
 * @param owner the owner rep from master data, null if unknown
 * @param changed whether this command changed the tier
 * @param previousTier the tier before a change, null for a first tier or no change
 * @param expiryChanged whether this command moved the window expiry (false unless applied)
 * @param ownerChanged whether this command changed the owner (false unless applied)
 */
public record ApplyOutcome(String customerId, boolean applied, boolean blocked, Tier tier, long outboxSize, long windowExpiry,
        String owner, boolean changed, Tier previousTier, boolean expiryChanged, boolean ownerChanged) {

    static ApplyOutcome of(String customerId, Object reply) {
        List<?> values = (List<?>) reply;
        String tier = text(values.get(1));
        String owner = text(values.get(4));
        String previous = text(values.get(5));
        String changes = text(values.get(6));
        long status = (Long) values.get(0);
        return new ApplyOutcome(customerId, status == 1L, status == 2L, tier.isEmpty() ? null : Tier.valueOf(tier),
                (Long) values.get(2), (Long) values.get(3), owner.isEmpty() ? null : owner, !"-".equals(previous),
                previous.isEmpty() || "-".equals(previous) ? null : Tier.valueOf(previous), changes.contains("e"),
                changes.contains("o"));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
