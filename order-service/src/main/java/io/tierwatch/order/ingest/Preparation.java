package io.tierwatch.order.ingest;

/**
 * How a claimed event id becomes an event, for submissions whose event depends on state that
 * must be reserved first (a return prices against what is left of its order).
 */
public interface Preparation {

    /** Builds the event once the id is claimed; may throw to refuse it, which undoes the claim. */
    Submission prepare(Claim claim);

    /** Bookkeeping after Kafka's ack; idempotent, as a recovering retry runs it again. */
    default void afterAck() {
    }

    /** Undoes what {@link #prepare} reserved, when the event is refused or Kafka did not take it. */
    default void undo(Claim claim) {
    }

    static Preparation of(Submission submission, Runnable afterAck) {
        return new Preparation() {
            @Override
            public Submission prepare(Claim claim) {
                return submission;
            }

            @Override
            public void afterAck() {
                afterAck.run();
            }
        };
    }
}
