package io.tierwatch.order.publish;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.tierwatch.order.OrderServiceProperties;

/**
 * Declares the topics order-service writes, so a fresh broker gets them with the right shape:
 * keyed by customer id over several partitions, the customers topic compacted (latest per key wins).
 * Existing topics are left as they are; the replication factor is the broker's default.
 */
@Configuration
@ConditionalOnProperty(name = "tierwatch.topics.create", havingValue = "true", matchIfMissing = true)
class TopicsConfig {

    @Bean
    KafkaAdmin.NewTopics orderServiceTopics(OrderServiceProperties properties) {
        OrderServiceProperties.TopicNames topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                new NewTopic(topics.orders(), Optional.of(topics.partitions()), Optional.empty()),
                new NewTopic(topics.serviceTickets(), Optional.of(topics.partitions()), Optional.empty()),
                new NewTopic(topics.customers(), Optional.of(topics.partitions()), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact")));
    }
}
