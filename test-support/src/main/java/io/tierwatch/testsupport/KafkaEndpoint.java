package io.tierwatch.testsupport;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A real Kafka broker for a test run. */
public interface KafkaEndpoint extends AutoCloseable {

    String bootstrapServers();

    default void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(java.util.List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    void close();

    /** The in-process KRaft broker of spring-kafka-test. */
    record Embedded(EmbeddedKafkaBroker broker) implements KafkaEndpoint {

        @Override
        public String bootstrapServers() {
            return broker.getBrokersAsString();
        }

        @Override
        public void close() {
            broker.destroy();
        }
    }
}
