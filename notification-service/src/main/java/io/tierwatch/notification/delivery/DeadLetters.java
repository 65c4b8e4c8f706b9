package io.tierwatch.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.tierwatch.contracts.CloudEventsKafka;
import io.tierwatch.contracts.Topics;
import io.tierwatch.notification.NotificationProperties;
import io.tierwatch.notification.alerts.Alert;

/**
 * Deliveries given up on go to a dead-letter topic: the alerts, the rep, the channel, the
 * attempts and the last error (in headers too), so an operator can replay them.
 */
@Component
class DeadLetters {

    record DeadDelivery(String repId, Channel channel, int attempts, String lastError, List<Alert> alerts) {
    }

    private final KafkaTemplate<Object, Object> kafka;
    private final String topic;

    DeadLetters(KafkaTemplate<Object, Object> kafka, NotificationProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topics().deliveryDeadLetters();
    }

    @Bean
    static NewTopic deliveryDeadLetterTopic(NotificationProperties properties) {
        return Topics.newTopic(properties.topics().deliveryDeadLetters(), Topics.DEFAULT_PARTITIONS, false);
    }

    void publish(DeliveryStore.Due due, int attempts, String error) {
        byte[] body = CloudEventsKafka.json().writeValueAsBytes(
                new DeadDelivery(due.repId(), due.channel(), attempts, error, due.notice().alerts()));
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, due.notice().id(), body);
        record.headers().add("tierwatch_channel", due.channel().name().getBytes(StandardCharsets.UTF_8));
        record.headers().add("tierwatch_error", error.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish dead letter to " + topic, e);
        }
    }
}
