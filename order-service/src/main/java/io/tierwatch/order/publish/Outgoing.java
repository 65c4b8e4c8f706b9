package io.tierwatch.order.publish;

import io.tierwatch.contracts.EventEnvelope;

/** One event and the topic it goes to. */
public record Outgoing(String topic, EventEnvelope<?> event) {
}
