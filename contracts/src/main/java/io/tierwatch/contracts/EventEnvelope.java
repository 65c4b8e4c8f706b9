package io.tierwatch.contracts;

import java.net.URI;
import java.time.Instant;

/**
 * A CloudEvent 1.0 as Tierwatch carries it: the context attributes and the typed data.
 * {@code subject} is the customer id, which is also the Kafka record key.
 */
public record EventEnvelope<T>(String id, EventType type, URI source, Instant time, String subject, T data) {

    public EventEnvelope {
        Require.text(id, "ce_id");
        Require.present(type, "ce_type");
        Require.present(source, "ce_source");
        Require.present(time, "ce_time");
        Require.id(subject, "ce_subject");
        Require.present(data, "data");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException("data of " + type.type() + " must be " + type.dataClass().getSimpleName());
        }
    }

    public static <T> EventEnvelope<T> of(String id, URI source, Instant time, String customerId, T data) {
        return new EventEnvelope<>(id, EventType.ofData(data), source, time, customerId, data);
    }

    /** The data as the given record type; the caller has switched on {@link #type()}. */
    public <R> R dataAs(Class<R> type) {
        return type.cast(data);
    }
}
