package io.tierwatch.order.ingest;

import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.order.publish.Outgoing;

/**
 * An event to publish once. {@code fingerprint} identifies the content that was submitted: the
 * same event id with another fingerprint is a conflicting resubmission.
 */
public record Submission(String topic, EventEnvelope<?> event, String fingerprint) {

    public Outgoing outgoing() {
        return new Outgoing(topic, event);
    }

    public String eventId() {
        return event.id();
    }
}
