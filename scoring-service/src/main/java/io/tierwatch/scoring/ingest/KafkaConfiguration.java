package io.tierwatch.scoring.ingest;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.Topics;
import io.tierwatch.scoring.config.ScoringProperties;
import io.tierwatch.scoring.engine.ScoringUnavailableException;
import io.tierwatch.scoring.metrics.ScoringMetrics;

/**
 * Error handling of the input listener: invalid records go straight to {@code <topic>.DLT} with
 * the reason in headers; Redis or Kafka outages are retried with backoff for as long as they
 * last (nothing is committed meanwhile); anything else gets a few retries, then the DLT.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final String REASON_HEADER = "tierwatch-dlt-reason";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    DefaultErrorHandler scoringErrorHandler(KafkaTemplate<String, byte[]> template, ScoringMetrics metrics) {
        DeadLetterPublishingRecoverer dlt = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        dlt.setHeadersFunction((record, e) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason(e));
            dlt.accept(record, e);
            metrics.deadLettered();
        }, new FixedBackOff(1_000, 2));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, e) -> find(e, ScoringUnavailableException.class) != null ? outageBackOff() : null);
        return handler;
    }

    private static ExponentialBackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff; // no max elapsed time: an outage is waited out, never dead-lettered
    }

    static String reason(Throwable e) {
        Throwable invalid = find(e, InvalidEventException.class);
        Throwable root = invalid != null ? invalid : e;
        while (invalid == null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
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
            OffsetCommits commits) {
        return container -> {
            container.getContainerProperties().setSyncCommits(false);
            container.getContainerProperties().setCommitCallback(commits);
        };
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
        return TopicBuilder.name(name).partitions(partitions).build();
    }
}
