package io.tierwatch.notification.customers;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventType;
import io.tierwatch.notification.kafka.KafkaEvents;

/**
 * Follows the compacted customers topic from its beginning with a group of its own, so owners
 * are current before (and independently of) the tier-change consumer.
 */
@Component
class CustomersListener {

    private final CustomerDirectory directory;

    CustomersListener(CustomerDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = "${tierwatch.topics.customers:tierwatch.customers}",
            groupId = "${tierwatch.topics.customers-group:notification-service-customers}",
            properties = "auto.offset.reset=earliest")
    void onCustomer(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            // A tombstone on the compacted topic: nothing to apply, the customer simply stays as last known.
            return;
        }
        directory.apply(KafkaEvents.read(record, EventType.CUSTOMER_UPSERTED, CustomerUpserted.class).data());
    }
}
