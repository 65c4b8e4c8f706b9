package io.tierwatch.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.EventType;
import io.tierwatch.contracts.InvalidEventException;

/** Reads a record as the one event type its topic may carry; anything else is invalid. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    public static <T> EventEnvelope<T> read(ConsumerRecord<String, byte[]> record, EventType expected, Class<T> data) {
        EventEnvelope<?> event = CloudEventsKafka.fromRecord(record);
        if (event.type() != expected) {
            throw new InvalidEventException("unexpected " + event.type().type() + " on " + record.topic());
        }
        return new EventEnvelope<>(event.id(), event.type(), event.source(), event.time(), event.subject(),
                event.dataAs(data));
    }
}
