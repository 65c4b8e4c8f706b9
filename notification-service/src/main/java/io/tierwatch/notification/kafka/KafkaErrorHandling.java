package io.tierwatch.notification.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.Topics;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.redis.StoreLostException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Listeners throw; this handler retries with a bounded exponential backoff (Redis briefly away)
 * and then sends the record to {@code <topic>.DLT} with the reason in the standard
 * {@code kafka_dlt-*} headers. An invalid event goes there at once: retrying cannot fix it.
 * Failed attempts and dead letters are counted per topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        // Partition -1: the producer picks it from the key (the customer id), whatever the DLT's partition count.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, IllegalArgumentException.class);
        // Redis away is not the record's fault: keep retrying (offset not committed) until it is back.
        handler.setBackOffFunction((record, e) -> causedByRedisOutage(e) ? untilRedisIsBack() : null);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                count(meters, "tierwatch.consumer.failures", record.topic());
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception e) {
                count(meters, "tierwatch.consumer.dead.letters", record.topic());
            }
        });
        return handler;
    }

    /** The input topics' dead-letter topics, created at start when missing (brokers here do not auto-create). */
    @Bean
    KafkaAdmin.NewTopics inputDeadLetterTopics(NotificationProperties properties) {
        return new KafkaAdmin.NewTopics(
                Topics.newTopic(Topics.deadLetterOf(properties.topics().customers()), Topics.DEFAULT_PARTITIONS, false),
                Topics.newTopic(Topics.deadLetterOf(properties.topics().tierChanges()), Topics.DEFAULT_PARTITIONS, false));
    }

    private static void count(MeterRegistry meters, String name, String topic) {
        Counter.builder(name).tag("topic", topic).register(meters).increment();
    }

    private static boolean causedByRedisOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof StoreLostException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff untilRedisIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }
}
