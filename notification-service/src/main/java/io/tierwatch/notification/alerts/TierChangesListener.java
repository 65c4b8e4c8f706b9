package io.tierwatch.notification.alerts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerTierChanged;
import io.tierwatch.contracts.EventEnvelope;
import io.tierwatch.contracts.EventType;
import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.notification.kafka.KafkaEvents;

/** Reads tier-change CloudEvents; anything that does not decode goes to the topic's DLT. */
@Component
class TierChangesListener {

    private final TierChangeHandler handler;

    TierChangesListener(TierChangeHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(topics = "${tierwatch.topics.tier-changes:tierwatch.customer-tier-changes}",
            groupId = "${tierwatch.topics.tier-changes-group:notification-service}",
            properties = "auto.offset.reset=earliest")
    void onTierChange(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CustomerTierChanged> event =
                KafkaEvents.read(record, EventType.CUSTOMER_TIER_CHANGED, CustomerTierChanged.class);
        CustomerTierChanged change = event.data();
        if (!change.eventId().equals(event.id())) {
            throw new InvalidEventException("ce_id " + event.id() + " is not the transition id " + change.eventId());
        }
        handler.handle(change);
    }
}
