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
 * Error handling of the input listener. The listener dead-letters what can never be applied
 * itself ({@link ScoringListener}, {@link DeadLetters}); what reaches this handler is an outage of
 * Redis or Kafka, retried with backoff for as long as it lasts (nothing is committed meanwhile), or,
 * should anything else ever escape the listener, a failure that gets a few retries and then the
 * DLT for the record the listener named.
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
     * Offsets are committed without waiting for the broker's answer (Kafka's {@code commitAsync}):
     * a poll's effects are in Redis and its tier changes acknowledged before its offsets are
     * committed, and a record redelivered because a commit was lost is skipped by its watermark, so
     * the wait bought nothing but a broker round trip per poll (docs/benchmarks.md). They are
     * committed at most every {@code ack-time} (scoring-service.yml). A failed commit is covered by
     * the next one, or, when no record follows, by the idle consumer's check of its committed
     * offsets ({@link OffsetCommits}, on every {@code idle-event-interval} of scoring-service.yml).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits(
            OffsetCommits commits, EpochGuard epoch) {
        return container -> {
            container.getContainerProperties().setSyncCommits(false);
            container.getContainerProperties().setCommitCallback(commits);
            container.getContainerProperties().setOffsetAndMetadataProvider(epoch.offsetMetadata());
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
