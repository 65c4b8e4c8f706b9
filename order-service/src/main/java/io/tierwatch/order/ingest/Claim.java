package io.tierwatch.order.ingest;

/**
 * The answer of the idempotency ledger to "may I publish this event id?".
 *
 * @param firstClaimedAt when the id was first claimed (epoch ms): a recovering caller searches Kafka from there
 * @param claimedAt this claim's time (epoch ms), which identifies it when it is released
 */
public record Claim(Outcome outcome, long firstClaimedAt, long claimedAt) {

    public enum Outcome {
        /** New id: publish it. */
        CLAIMED,
        /** Published before with the same content. */
        DUPLICATE,
        /** The id was used with other content. */
        CONFLICT,
        /** Another request is publishing it right now. */
        IN_PROGRESS,
        /** A claimant died before completing: Kafka may or may not hold the event. */
        RECOVER,
        /** Redis lost the idempotency records; nothing can be claimed until they are recovered from Kafka. */
        LOST
    }
}
