package io.tierwatch.notification.alerts;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
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

    /**
     * One poll at a time (a batch listener), so its alerts cost a few round trips together rather
     * than a few each. The records before an invalid one are handled, then the invalid one is named
     * by index: the error handler commits those before it, dead-letters it, and redelivers the
     * rest. When handling the poll fails (Redis away), its records are handled again one at a time
     * and the first that fails is named, so retries, back-off and dead-lettering stay per record.
     */
    @KafkaListener(topics = "${tierwatch.topics.tier-changes:tierwatch.customer-tier-changes}",
            groupId = "${tierwatch.topics.tier-changes-group:notification-service}",
            properties = "auto.offset.reset=earliest", batch = "true")
    void onTierChanges(List<ConsumerRecord<String, byte[]>> records) {
        List<CustomerTierChanged> changes = new ArrayList<>(records.size());
        RuntimeException invalid = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                changes.add(decode(record));
            } catch (InvalidEventException | IllegalArgumentException e) {
                invalid = e;
                break;
            }
        }
        try {
            handler.handle(changes);
        } catch (RuntimeException pollFailed) {
            // find the record as a record listener would: one at a time (alerts this poll already
            // recorded are found seen); the failing one is retried, then dead-lettered, on its own
            for (int i = 0; i < changes.size(); i++) {
                try {
                    handler.handle(List.of(changes.get(i)));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
        }
        if (invalid != null) {
            throw new BatchListenerFailedException(invalid.getMessage(), invalid, changes.size());
        }
    }

    private static CustomerTierChanged decode(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<CustomerTierChanged> event =
                KafkaEvents.read(record, EventType.CUSTOMER_TIER_CHANGED, CustomerTierChanged.class);
        CustomerTierChanged change = event.data();
        if (!change.eventId().equals(event.id())) {
            throw new InvalidEventException("ce_id " + event.id() + " is not the transition id " + change.eventId());
        }
        return change;
    }
}
