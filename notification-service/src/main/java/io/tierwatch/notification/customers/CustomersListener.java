package io.tierwatch.notification.customers;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CustomerUpserted;
import io.tierwatch.contracts.EventType;
import io.tierwatch.notification.kafka.KafkaEvents;

/**
 * Follows the compacted customers topic with a group of its own, so owners are current
 * independently of the tier-change consumer. Every time it is given partitions (each start, each
 * rebalance) it re-reads them from the beginning: Redis is a cache of the topic, and this is what
 * brings the owners back after Redis lost its data. Re-applying is harmless (newest record wins).
 */
@Component
class CustomersListener implements ConsumerSeekAware {

    private final CustomerDirectory directory;

    CustomersListener(CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToBeginning(assignments.keySet());
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
