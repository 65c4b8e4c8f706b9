package io.tierwatch.order.publish;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.tierwatch.contracts.Topics;
import io.tierwatch.order.OrderServiceProperties;

/**
 * Declares the topics order-service writes, so a fresh broker gets them with the shape of
 * {@link Topics#newTopic}: kept forever, stamped with the broker's append time (scoring merges a
 * customer's records of the three by it). Existing topics are left
 * as they are; the replication factor is the broker's default.
 */
@Configuration
@ConditionalOnProperty(name = "tierwatch.topics.create", havingValue = "true", matchIfMissing = true)
class TopicsConfig {

    @Bean
    KafkaAdmin.NewTopics orderServiceTopics(OrderServiceProperties properties) {
        OrderServiceProperties.TopicNames topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                Topics.newTopic(topics.orders(), topics.partitions(), true),
                Topics.newTopic(topics.serviceTickets(), topics.partitions(), true),
                Topics.newTopic(topics.customers(), topics.partitions(), true));
    }
}
