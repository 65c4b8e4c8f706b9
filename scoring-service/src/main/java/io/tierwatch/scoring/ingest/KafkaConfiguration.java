package io.tierwatch.scoring.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.ScoringUnavailableException;

/**
 * The input consumers' Kafka setup. The listener handles every failure of a poll itself
 * ({@link ScoringListener}): it dead-letters what can never be applied ({@link DeadLetters}) and
 * waits out an outage of Redis or Kafka, sought back to its first record not applied. The error
 * handler below only sees what would escape it all the same (an {@link Error}): a few retries,
 * then the DLT for the record named.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    DefaultErrorHandler scoringErrorHandler(DeadLetters deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> deadLetters.publish(List.of(new DeadLetters.Rejected(cast(record), e))),
                new FixedBackOff(1_000, 2));
        handler.setBackOffFunction((record, e) -> DeadLetters.find(e, ScoringUnavailableException.class) != null
                ? outageBackOff() : null);
        // the listener logs each retry in one line; the handler's own log would add a stack trace per attempt
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /**
     * The service's own admin client (progress checks, the state epoch, a rebuild), with short
     * timeouts so a check never hangs on an unreachable cluster.
     */
    @Bean(destroyMethod = "close")
    Admin scoringAdmin(KafkaProperties kafka, ScoringProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        int timeout = (int) properties.scoring().progress().kafkaTimeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "tierwatch-scoring-checks");
        return Admin.create(config);
    }

    /** Readiness: DOWN while a partition this instance holds makes no progress ({@link ConsumerProgress}). */
    @Bean
    HealthIndicator scoringProgressHealthIndicator(ConsumerProgress progress) {
        return progress.progressHealth();
    }

    /** DOWN while the Kafka cluster does not answer. */
    @Bean
    HealthIndicator kafkaHealthIndicator(ConsumerProgress progress) {
        return progress.kafkaHealth();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> cast(ConsumerRecord<?, ?> record) {
        return (ConsumerRecord<String, byte[]>) record;
    }

    private static ExponentialBackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff; // no max elapsed time: an outage is waited out, never dead-lettered
    }

    /**
     * The input listener commits its own offsets, at its merge's commit points ({@link OffsetCommits},
     * {@code ack-mode: manual} in scoring-service.yml: the container commits none), and hears of
     * its partitions' assignment on its consumer's thread ({@link ScoringListener}).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> mergedInputs(
            ScoringListener listener) {
        return container -> {
            if (container.getListenerId() != null && container.getListenerId().startsWith(ScoringListener.ID)) {
                container.getContainerProperties().setConsumerRebalanceListener(listener);
            }
        };
    }

    /** Readiness: DOWN while Redis does not hold the state the committed offsets belong to ({@link EpochGuard}). */
    @Bean
    HealthIndicator scoringStateHealthIndicator(EpochGuard epoch) {
        return epoch.health();
    }

    /** The output topic and the dead-letter topics, created if missing (never shrunk or altered). */
    @Bean
    KafkaAdmin.NewTopics scoringTopics(ScoringProperties properties) {
        ScoringProperties.TopicNames topics = properties.topics();
        return new KafkaAdmin.NewTopics(
                topic(topics.tierChanges(), topics.partitions()),
                topic(Topics.deadLetterOf(topics.orders()), topics.partitions()),
                topic(Topics.deadLetterOf(topics.serviceTickets()), topics.partitions()),
                topic(Topics.deadLetterOf(topics.customers()), topics.partitions()));
    }

    private static NewTopic topic(String name, int partitions) {
        return Topics.newTopic(name, partitions, false);
    }
}
