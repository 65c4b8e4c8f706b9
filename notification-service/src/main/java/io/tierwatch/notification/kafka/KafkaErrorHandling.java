package io.tierwatch.notification.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.tierwatch.contracts.InvalidEventException;
import io.tierwatch.contracts.Topics;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Listeners throw; this handler retries with a bounded exponential backoff (Redis briefly away)
 * and then sends the record to {@code <topic>.DLT} with the reason in the standard
 * {@code kafka_dlt-*} headers. An invalid event goes there at once: retrying cannot fix it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, IllegalArgumentException.class);
        // Redis away is not the record's fault: keep retrying (offset not committed) until it is back.
        handler.setBackOffFunction((record, e) -> causedByRedisOutage(e) ? untilRedisIsBack() : null);
        return handler;
    }

    private static boolean causedByRedisOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisConnectionException) {
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
